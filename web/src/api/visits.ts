import { http, queryString } from './http'
import type { VisitMethod, VisitPhase, VisitState } from './items'

// The shapes of src/Consultation/Visits/VisitDtos.cs and VisitsApi.cs. Times travel as UTC.

export type ParticipantRole = 'Submitter' | 'CoSigner' | 'LeadUnit' | 'CoUnit' | 'Office'
// What this person may do with the visit now (VisitsApi.DtoAsync on the server).
export type VisitAction = 'reschedule' | 'cancel' | 'outcome' | 'join'

export const visitPhases: readonly VisitPhase[] = ['BeforeAnswer', 'DuringHandling', 'AfterAnswer', 'FollowUp']
export const visitMethods: readonly VisitMethod[] = ['Video', 'Phone', 'InPerson']
// The server's limits on a visit's length (ScheduleVisit.DurationMinutes).
export const minDurationMinutes = 10
export const maxDurationMinutes = 240

export interface Participant {
  id: number
  displayName: string
  role: ParticipantRole
  userId: number | null
  deputyId: number | null
  noShow: boolean
}

export interface Visit {
  id: number
  itemId: number
  itemNumber: string | null
  itemTitle: string
  phase: VisitPhase
  method: VisitMethod
  state: VisitState
  startUtc: string
  endUtc: string
  durationMinutes: number
  roomOpensAtUtc: string
  location: string | null
  agenda: string | null
  // Why it was last moved or cancelled.
  cancellationReason: string | null
  sequence: number
  participants: Participant[]
  actions: (VisitAction | string)[]
  version: string
  // The server's clock when it answered: countdowns run on it, not on the browser's.
  serverNowUtc: string
}

export interface ScheduleInput {
  phase: VisitPhase
  method: VisitMethod
  startUtc: string
  durationMinutes: number
  coSignerIds?: number[]
  staffUserIds?: number[]
  location?: string | null
  agenda?: string | null
  // Answers this consultation request.
  requestId?: number
  // The visit this one replaces (the deputy asked for another time): cancelled in the same step.
  replaces?: { visitId: number; version: string; reason: string }
}

export interface RescheduleInput {
  startUtc: string
  durationMinutes: number
  reason: string
  version: string
}

// The `clash` extension of a 409 `visit_clash` problem: who is busy, when, on which item.
export interface Clash {
  name: string
  startUtc: string
  endUtc: string
  itemNumber: string | null
}

export interface AgendaEntry {
  visitId: number
  startUtc: string
  endUtc: string
  itemNumber: string | null
}

// One person's visits on a day; `person` is "deputy:<id>" or "user:<id>".
export interface PersonAgenda {
  person: string
  name: string
  visits: AgendaEntry[]
}

// Someone a lead-unit handler may invite besides the deputies (StaffCandidate): staff of the item's
// units, lead first, then co-handling, then the office (no unit).
export interface StaffCandidate {
  userId: number
  displayName: string
  unitId: number | null
  unitName: string | null
  role: Extract<ParticipantRole, 'LeadUnit' | 'CoUnit' | 'Office'>
}

export const deputyKey = (deputyId: number) => `deputy:${deputyId}`
export const userKey = (userId: number) => `user:${userId}`

export const visitsApi = {
  schedule: (itemId: number, input: ScheduleInput) => http.post<Visit>(`/api/items/${itemId}/visits`, input),
  // Lead-unit handlers only; the signed-in handler is among them and always takes part.
  staff: (itemId: number) => http.get<StaffCandidate[]>(`/api/items/${itemId}/visit-staff`, { optional: true }),
  get: (id: number) => http.get<Visit>(`/api/visits/${id}`),
  // Optional on the item page: a visit the person may not see is left out, not a reason to leave.
  find: (id: number) => http.get<Visit>(`/api/visits/${id}`, { optional: true }),
  calendarUrl: (id: number) => `/api/visits/${id}/calendar.ics`,
  reschedule: (id: number, input: RescheduleInput) => http.put<Visit>(`/api/visits/${id}/schedule`, input),
  cancel: (id: number, reason: string, version: string) => http.post<Visit>(`/api/visits/${id}/cancel`, { reason, version }),
  outcome: (id: number, held: boolean) => http.post<Visit>(`/api/visits/${id}/outcome`, { held }),
  // `day` is a date in the office's zone (VisitSettings.TimeZone on the server).
  agenda: (day: string, deputyIds: number[], userIds: number[]) =>
    http.get<PersonAgenda[]>(
      `/api/visits/agenda${queryString({ day, deputyIds: deputyIds.join(','), userIds: userIds.join(',') })}`,
      { optional: true },
    ),
  mine: (past = false) => http.get<Visit[]>(`/api/my/visits${past ? '?past=true' : ''}`),
}
