import { http } from './http'
import type { VisitMethod, VisitState } from './items'
import type { ParticipantRole } from './visits'

// The shapes of src/Consultation/Calls/JoinLinkApi.cs, CallReportApi.cs and CallSettings.cs. Times travel as UTC.

export interface JoinedByLink {
  visitId: number
  // `link`: the link signed this browser in; `account`: it already was, with the person's own account.
  session: 'link' | 'account'
}

// A session opened by a join link: it may use one visit's pre-call check and call, nothing else.
export interface LinkSession {
  visitId: number
  participantId: number
  displayName: string
}

export interface VisitBasics {
  id: number
  itemNumber: string | null
  itemTitle: string
  method: VisitMethod
  state: VisitState
  startUtc: string
  endUtc: string
  roomOpensAtUtc: string
  roomClosesAtUtc: string
  participantId: number
  displayName: string
  role: ParticipantRole
  // The lead unit's staff invited: the lobby says who is expected.
  leadUnitNames: string[]
  serverNowUtc: string
}

export interface IceServer {
  urls: string[]
  username?: string | null
  credential?: string | null
}

// The servers as RTCPeerConnection takes them (no user name or credential for a STUN server).
export function rtcIceServers(servers: IceServer[]): RTCIceServer[] {
  return servers.map((s) => ({
    urls: s.urls,
    ...(s.username ? { username: s.username } : {}),
    ...(s.credential ? { credential: s.credential } : {}),
  }))
}

// `relay`: the server lets browsers connect through TURN only.
export interface IceConfig {
  iceServers: IceServer[]
  iceTransportPolicy: 'all' | 'relay'
}

// Who is in the visit's room now besides me; `open` once the lead unit is there (before, the others wait in the lobby).
export interface RoomPresence {
  open: boolean
  present: { displayName: string; role: ParticipantRole }[]
}

// A line of a visit's in-call chat: plain text, never markup.
export interface ChatLine {
  id: number
  from: number
  displayName: string
  text: string
  sentAtUtc: string
}

// A stay without its leave ended when the server stopped, or still goes on (`inCallNow`).
export interface CallStay {
  joinedAtUtc: string
  leftAtUtc: string | null
}

// The last call-quality summary a participant's browser stored.
export interface CallQualityView {
  reportedAtUtc: string
  durationSeconds: number
  roundTripMs: number | null
  packetLossPercent: number | null
  bitrateKbps: number | null
  relayed: boolean
}

export interface CallPresence {
  participantId: number
  displayName: string
  role: ParticipantRole
  stays: CallStay[]
  secondsInCall: number
  inCallNow: boolean
  quality: CallQualityView | null
}

// What happened in a visit's video room, for the units handling the item and the office.
export interface CallReport {
  participants: CallPresence[]
  chat: ChatLine[]
}

export const callsApi = {
  redeemLink: (token: string) => http.post<JoinedByLink>('/api/join', { token }),
  linkSession: () => http.get<LinkSession>('/api/join/session'),
  // Optional: someone not a participant hears why from the hub (the call page) or the check, not a bare 403 page.
  basics: (visitId: number) => http.get<VisitBasics>(`/api/visits/${visitId}/basics`, { optional: true }),
  iceConfig: (visitId: number) => http.get<IceConfig>(`/api/visits/${visitId}/ice-servers`, { optional: true }),
  presence: (visitId: number) => http.get<RoomPresence>(`/api/visits/${visitId}/room`, { optional: true }),
  report: (visitId: number) => http.get<CallReport>(`/api/visits/${visitId}/call`),
  // To those waiting in the lobby, from the lead unit (kept as a chat line of the visit).
  lobbyNote: (visitId: number, text: string) => http.post<ChatLine>(`/api/visits/${visitId}/lobby-note`, { text }),
}
