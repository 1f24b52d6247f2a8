// A participant's side of a video visit: the connection to the signaling hub (/hubs/visits), the local camera
// and microphone, and one PeerLink per other participant. The page renders `state`; everything that changes
// it arrives here, from the hub, from the peer connections or from getStats().

import { reactive, shallowRef, triggerRef } from 'vue'
import type { HubConnection } from '@microsoft/signalr'
import type { ParticipantRole } from '../api/visits'
import { callsApi, rtcIceServers, type ChatLine, type IceConfig } from '../api/calls'
import { loadDeviceChoice, mediaConstraints, otherCamera } from './devices'
import { PeerLink, PreparedOffer, unwrap, type LinkState, type SignalKind } from './peerLink'
import { fromHub, toHub } from './hubWire'
import { activeSpeaker, qualityLevel, readStats, summarize, type Counters, type LinkStats, type QualityLevel } from './quality'
import { refusalOf, type Refusal } from './refusal'
import { cameraLimits } from './sendLimits'

export interface MediaState {
  audio: boolean
  video: boolean
  screen: boolean
}

interface PeerView {
  participantId: number
  displayName: string
  // The hub sends the enum's number (ParticipantRole on the server, in this order).
  role: ParticipantRole | number
  media: MediaState
  iAmPolite: boolean
}

const roles: readonly ParticipantRole[] = ['Submitter', 'CoSigner', 'LeadUnit', 'CoUnit', 'Office']
const roleOf = (role: ParticipantRole | number): ParticipantRole => (typeof role === 'number' ? (roles[role] ?? 'Office') : role)

export interface JoinResult extends IceConfig {
  participantId: number
  peers: PeerView[]
  roomState: 'lobby' | 'open'
  endsAtUtc: string
}

const rtcConfig = (ice: IceConfig): RTCConfiguration => ({
  iceServers: rtcIceServers(ice.iceServers),
  iceTransportPolicy: ice.iceTransportPolicy === 'relay' ? 'relay' : 'all',
})

export interface RemoteParticipant {
  id: number
  displayName: string
  role: ParticipantRole
  media: MediaState
  camera?: MediaStream
  screen?: MediaStream
  link: LinkState | 'waiting'
  quality: QualityLevel
  stats?: LinkStats
}

// Messages from the hub that wait for Join's answer: signals after everything else.
interface Held {
  events: (() => void)[]
  signals: [number, SignalKind, string][]
}

export type Phase = 'starting' | 'joining' | 'lobby' | 'open' | 'refused' | 'closed' | 'left'

// How often the links' figures are read, and how often a summary is stored (so a closed tab still leaves one).
const statsEveryMs = 1_000
const reportEveryMs = 60_000
const catchUpAfterMs = 300

export function createCallSession(visitId: number) {
  const state = reactive({
    phase: 'starting' as Phase,
    refusal: undefined as Refusal | undefined,
    mediaError: false,
    hubReconnecting: false,
    myId: 0,
    media: { audio: true, video: true, screen: false } as MediaState,
    participants: [] as RemoteParticipant[],
    chat: [] as ChatLine[],
    speaker: undefined as number | undefined,
    speakerId: loadDeviceChoice().speakerId,
  })
  const local = shallowRef<MediaStream>()
  const screen = shallowRef<MediaStream>()
  const tag = Math.random().toString(36).slice(2)
  const links = new Map<number, PeerLink>()
  const counters = new Map<number, Counters>()
  let hub: HubConnection | undefined
  let connecting: Promise<void> | undefined
  let camera: Promise<void> = Promise.resolve()
  // What the hub says while my Join is being answered and my camera opens: it waits for the answer (see join()).
  let held: Held | undefined
  let joins = 0
  let config: RTCConfiguration = {}
  // The visit's ICE servers, asked for on the pre-call check; with them "Join now" makes a prepared offer while Join is
  // answered, which the first link I offer takes (see PreparedOffer). Dropped once Join is applied if no one took it.
  let ice: Promise<IceConfig | undefined> | undefined
  let prepared: PreparedOffer | undefined
  let applied = false
  let startedAt = 0
  let timers: ReturnType<typeof setInterval>[] = []

  const find = (id: number) => state.participants.find((p) => p.id === id)

  function upsert(peer: PeerView) {
    const known = find(peer.participantId)
    const role = roleOf(peer.role)
    if (known) Object.assign(known, { displayName: peer.displayName, role, media: peer.media })
    else
      state.participants.push({
        id: peer.participantId, displayName: peer.displayName, role, media: peer.media, link: 'waiting', quality: 'unknown',
      })
  }

  function forget(id: number) {
    links.get(id)?.close()
    links.delete(id)
    counters.delete(id)
    state.participants = state.participants.filter((p) => p.id !== id)
    limitCameras()
  }

  // Each link's copy of my camera gets a share that depends on how many links there are (see sendLimits.ts).
  function limitCameras() {
    const limits = cameraLimits(links.size)
    const camera = local.value?.getVideoTracks()[0]
    for (const l of links.values()) l.limitCamera(camera, limits)
  }

  // Perfect negotiation needs one polite side per pair: the higher participant id, as the server decides.
  const politeToward = (id: number) => state.myId > id

  function link(id: number, offer: boolean): PeerLink {
    links.get(id)?.close()
    const made = offer ? prepared : undefined
    if (made) prepared = undefined
    const created = new PeerLink(id, politeToward(id), made ?? config, tag, (kind, payload) => signal(id, kind, payload), {
      onState: (s) => {
        const p = find(id)
        if (p && links.get(id) === created) p.link = s
      },
      onStream: (stream, isScreen) => {
        const p = find(id)
        if (!p) return
        // (A stream besides the camera, from a page that does not say which is its screen, is the screen too.)
        if (isScreen || (p.camera && p.camera.id !== stream.id)) p.screen = stream
        else p.camera = stream
      },
      screenId: () => screen.value?.id,
    })
    links.set(id, created)
    const p = find(id)
    if (p) Object.assign(p, { link: 'connecting', camera: undefined, screen: undefined })
    // An offerer sends at once; an answerer adds its tracks to the transceivers the first offer brings.
    const send = (l: PeerLink) => {
      if (local.value) l.addStream(local.value)
      if (screen.value) l.addStream(screen.value)
    }
    if (!made) {
      if (offer) {
        send(created)
        created.offerNow()
      } else created.onFirstOffer = () => send(created)
    }
    limitCameras()
    return created
  }

  // Every call to the hub and every message from it passes the one mapping between its MessagePack and our shapes
  // (a signal's arguments are a number and strings, the same in both).
  async function call<T = void>(method: string, ...args: unknown[]): Promise<T> {
    if (!hub) throw new Error('The call has ended.')
    return fromHub(await hub.invoke(method, ...args.map(toHub))) as T
  }

  // Sent without waiting for the hub's completion: an answerer goes on to the offerer's candidates at once, and a
  // signal the hub refuses (over a limit) is made good by an ICE restart anyway.
  async function signal(to: number, kind: SignalKind, payload: string) {
    await hub?.send('Signal', to, kind, payload)
  }

  function onSignal(from: number, kind: SignalKind, payload: string) {
    if (held) {
      held.signals.push([from, kind, payload])
      return
    }
    const envelope = unwrap(payload)
    if (!envelope || !find(from)) return
    let existing = links.get(from)
    // A new page over there (reloaded, or a phone that lost its tab) starts again with an offer of its own.
    if (existing?.remoteTag && existing.remoteTag !== envelope.tag) {
      if (kind !== 'offer') return
      existing = undefined
    }
    void (existing ?? link(from, false)).receive(kind, envelope)
  }

  // The room as the hub saw it when it answered my Join. Links come after what arrived meanwhile (offerToPeers()).
  function applyJoin(joined: JoinResult) {
    state.myId = joined.participantId
    config = rtcConfig(joined)
    const present = new Set(joined.peers.map((p) => p.participantId))
    // Someone not (yet) back after a server restart stays while media still flows between us.
    for (const p of [...state.participants]) {
      if (!present.has(p.id) && links.get(p.id)?.pc.connectionState !== 'connected') forget(p.id)
    }
    for (const peer of joined.peers) upsert(peer)
    // A server that restarted opens the room again only when the handler is back: meanwhile media still flows.
    const flowing = [...links.values()].some((l) => l.pc.connectionState === 'connected')
    state.phase = joined.roomState === 'lobby' && flowing ? 'open' : joined.roomState
  }

  // In a room open when I joined, I offer to everyone its answer named who is still here (a link from before, after
  // a reconnect, restarts ICE instead); whoever came since offers to me from their own join.
  function offerToPeers(joined: JoinResult, before: Map<number, PeerLink>) {
    if (joined.roomState !== 'open' || state.phase !== 'open') return
    for (const peer of joined.peers) {
      if (!find(peer.participantId)) continue
      const existing = links.get(peer.participantId)
      if (!existing) link(peer.participantId, true)
      else if (before.get(peer.participantId) === existing) void existing.recover()
    }
  }

  // The lobby just opened: pairs who waited in it together connect now (the lower id offers); the handler
  // who opened it offers to everyone from their own join.
  function roomOpened() {
    state.phase = 'open'
    for (const p of state.participants) {
      if (!links.has(p.id) && p.role !== 'LeadUnit' && !politeToward(p.id)) link(p.id, true)
    }
  }

  // Join's answer is a picture of the room when the hub answered; whatever the hub says after it (or had on the way
  // already) is as new or newer. So nothing from the hub is applied until the answer is, and my camera is open (the
  // offers and answers carry its tracks). Then, in this order: the answer; what came meanwhile, in the order it came
  // (who joined, left, opened the room); my offers; the signals, whose senders are all known by then.
  async function join() {
    state.phase = 'joining'
    const turn = ++joins
    const waiting = (held ??= { events: [], signals: [] })
    let joined: JoinResult
    try {
      joined = await call<JoinResult>('Join', visitId)
      await camera
    } catch (error) {
      if (turn !== joins) return
      // The connection dropped while Join was on its way (not a refusal): joined again once it is back.
      if ((hub?.state as string | undefined) === 'Reconnecting') return
      held = undefined
      await refused(error)
      return
    }
    // Joined again meanwhile (the hub reconnected): that answer is the newer one, and what is held waits for it.
    if (turn !== joins) return
    held = undefined
    // Left meanwhile.
    if (!hub) return
    const before = new Map(links)
    applyJoin(joined)
    for (const event of waiting.events) event()
    offerToPeers(joined, before)
    dropPrepared()
    // (Ended for everyone meanwhile, or a lobby again: no signals to take.)
    if ((state.phase as Phase) === 'open') for (const signalled of waiting.signals) onSignal(...signalled)
    // The hub handles one call of a connection at a time: offers and candidates go first, the rest after them.
    setTimeout(() => void catchUp(), catchUpAfterMs)
  }

  // The chat so far, and my microphone and camera if not the defaults (on), as everyone else sees them.
  async function catchUp() {
    try {
      const history = await call<ChatLine[]>('ChatHistory')
      if (history) state.chat = [...history, ...state.chat.filter((l) => !history.some((h) => h.id === l.id))]
      if (!state.media.audio || !state.media.video || state.media.screen)
        await call('SetMedia', state.media.audio, state.media.video, state.media.screen)
    } catch {
      /* after the next reconnect */
    }
  }

  async function connectHub() {
    const [signalR, { MessagePackHubProtocol }] = await Promise.all([import('@microsoft/signalr'), import('@microsoft/signalr-protocol-msgpack')])
    const connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/visits')
      .withHubProtocol(new MessagePackHubProtocol())
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => Math.min(500 * 2 ** c.previousRetryCount, 3_000) })
      .withStatefulReconnect()
      .configureLogging(signalR.LogLevel.Warning)
      .build()
    hub = connection
    // Every message but a signal waits while a Join is answered; a signal waits in onSignal, after them.
    const on = <A extends unknown[]>(method: string, handler: (...args: A) => void) =>
      connection.on(method, (...args: unknown[]) => {
        const apply = () => handler(...(args.map(fromHub) as A))
        if (held && method !== 'Signal') held.events.push(apply)
        else apply()
      })
    on('ParticipantJoined', (peer: PeerView) => {
      upsert(peer)
      // Their old connection to us is of no use to the page that just joined.
      const existing = links.get(peer.participantId)
      if (existing && existing.pc.connectionState !== 'connected') {
        existing.close()
        links.delete(peer.participantId)
        find(peer.participantId)!.link = 'waiting'
      }
    })
    on('ParticipantLeft', (id: number) => forget(id))
    on('Signal', onSignal)
    on('MediaChanged', (id: number, media: MediaState) => {
      const p = find(id)
      if (!p) return
      p.media = media
      if (!media.screen) p.screen = undefined
    })
    on('Chat', (line: ChatLine) => {
      if (!state.chat.some((l) => l.id === line.id)) state.chat.push(line)
    })
    on('RoomStateChanged', (room: string) => {
      if (room === 'open') roomOpened()
      else if (room === 'lobby') state.phase = 'lobby'
      else if (room === 'closed') {
        state.phase = 'closed'
        void report()
        stopEverything()
      }
    })
    connection.onreconnecting(() => (state.hubReconnecting = true))
    // A new connection: the server may have restarted and forgotten its rooms, so join again.
    connection.onreconnected(() => {
      state.hubReconnecting = false
      if (state.phase === 'open' || state.phase === 'lobby' || state.phase === 'joining') void join()
    })
    await connection.start()
  }

  async function openCamera(preview?: MediaStream) {
    try {
      local.value = preview ?? (await navigator.mediaDevices.getUserMedia(mediaConstraints(loadDeviceChoice())))
      if (preview) state.media = { audio: preview.getAudioTracks().length > 0, video: preview.getVideoTracks().length > 0, screen: false }
    } catch {
      // Without camera or microphone one can still see, hear and chat.
      state.mediaError = true
      state.media = { audio: false, video: false, screen: false }
    }
  }

  async function refused(error: unknown) {
    state.refusal = refusalOf(error)
    state.phase = 'refused'
    // A camera still opening is stopped too, once open.
    await camera
    stopEverything()
  }

  // The hub connection, opened once (or again after it closed for good), also ahead of start() by prepare().
  function connect(): Promise<void> {
    if ((hub?.state as string | undefined) === 'Disconnected') connecting = undefined
    connecting ??= connectHub().catch((error: unknown) => {
      connecting = undefined
      throw error
    })
    return connecting
  }

  // Opens the hub connection and asks for the ICE servers before the person presses Join, so that joining is one call
  // to the hub, and the first offer is made meanwhile.
  function prepare() {
    connect().catch(() => {
      /* start() connects again and shows what went wrong */
    })
    ice = callsApi.iceConfig(visitId).catch(() => undefined)
  }

  // Made once the camera is open, if the servers are known and Join not yet applied.
  async function prepareOffer() {
    const [servers] = await Promise.all([ice, camera])
    if (servers && !applied && hub) prepared = new PreparedOffer(rtcConfig(servers), local.value)
  }

  function dropPrepared() {
    applied = true
    prepared?.pc.close()
    prepared = undefined
  }

  // Joins once, however often asked: the pre-call check starts joining on its click (with its preview's tracks, and
  // `offerAhead` false when it saw no one to offer to: an empty room, or a lobby I do not open), the call page after it.
  let started: Promise<void> | undefined
  const start = (preview?: MediaStream, offerAhead = true) => (started ??= joinCall(preview, offerAhead))

  async function joinCall(preview: MediaStream | undefined, offerAhead: boolean) {
    // The speaker may have been chosen on the pre-call check after this session was prepared there.
    state.speakerId = loadDeviceChoice().speakerId
    // The camera opens while the hub connects and Join is answered: none waits for another.
    camera = openCamera(preview)
    if (offerAhead) void prepareOffer()
    try {
      await connect()
    } catch (error) {
      await refused(error)
      return
    }
    startedAt = Date.now()
    await join()
    timers = [setInterval(() => void readAllStats(), statsEveryMs), setInterval(() => void report(), reportEveryMs)]
  }

  async function readAllStats() {
    const levels = new Map<number, number>()
    for (const [id, l] of links) {
      if (l.pc.connectionState === 'closed') continue
      const { stats, counters: next } = readStats((await l.pc.getStats()).values() as never, counters.get(id), Date.now())
      counters.set(id, next)
      const p = find(id)
      if (!p) continue
      p.stats = stats
      p.quality = qualityLevel(stats, p.media.video)
      levels.set(id, stats.audioLevel)
    }
    state.speaker = activeSpeaker(levels)
  }

  // The summary stored every minute, and a last one when I leave or end the visit: then someone whose figures were
  // not read yet (a call of a few seconds, a link made again just before) is measured first.
  async function report(last = false) {
    if (last && state.participants.some((p) => !p.stats)) await readAllStats().catch(() => {})
    const measured = state.participants.map((p) => p.stats).filter((s): s is LinkStats => !!s)
    if (!startedAt || measured.length === 0) return
    try {
      await call('ReportQuality', summarize(startedAt, Date.now(), measured))
    } catch {
      /* the next one, or the one on leaving, is stored instead */
    }
  }

  // A microphone or camera turned on that the call does not have yet (refused or missing when joining, or left out on
  // the pre-call check) is asked for now, and sent to everyone (each link renegotiates). False if it cannot be had.
  async function openMissing(kind: 'audio' | 'video'): Promise<boolean> {
    if (local.value?.getTracks().some((t) => t.kind === kind)) return true
    let track: MediaStreamTrack | undefined
    try {
      const opened = await navigator.mediaDevices.getUserMedia({ [kind]: mediaConstraints(loadDeviceChoice())[kind] })
      track = opened.getTracks().find((t) => t.kind === kind)
    } catch {
      /* still refused or missing: said below */
    }
    if (!track) {
      state.mediaError = true
      return false
    }
    // Left while the device opened.
    if (!hub) {
      track.stop()
      return false
    }
    // The same stream for every track: the others tell a camera from a screen by its stream.
    if (local.value) local.value.addTrack(track)
    else local.value = new MediaStream([track])
    triggerRef(local)
    for (const l of links.values()) l.addStream(local.value)
    if (kind === 'video') limitCameras()
    state.mediaError = false
    return true
  }

  async function setMedia(change: Partial<MediaState>) {
    if (change.audio && !(await openMissing('audio'))) change.audio = false
    if (change.video && !(await openMissing('video'))) change.video = false
    Object.assign(state.media, change)
    for (const track of local.value?.getAudioTracks() ?? []) track.enabled = state.media.audio
    for (const track of local.value?.getVideoTracks() ?? []) track.enabled = state.media.video
    try {
      await call('SetMedia', state.media.audio, state.media.video, state.media.screen)
    } catch {
      /* sent again with the next change or after rejoining */
    }
  }

  // Another camera in place of mine (a phone's back camera, to show something): every connection sends it instead,
  // without renegotiating. Mine is let go first, as many phones cannot open two at once; if the other will not open,
  // mine opens again. False when neither does (the camera is then off).
  async function switchCamera(): Promise<boolean> {
    const stream = local.value
    const current = stream?.getVideoTracks()[0]
    if (!stream || !current) return false
    const cameras = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput' && d.deviceId)
    const settings = current.getSettings()
    current.stop()
    const open = (video: MediaTrackConstraints) =>
      navigator.mediaDevices.getUserMedia({ video }).then((s) => s.getVideoTracks()[0], () => undefined)
    const next =
      (await open(otherCamera(settings, cameras.map((d) => d.deviceId)))) ??
      (await open({ ...(settings.deviceId ? { deviceId: { exact: settings.deviceId } } : {}) }))
    stream.removeTrack(current)
    triggerRef(local)
    // Left meanwhile.
    if (!hub) {
      next?.stop()
      return false
    }
    if (!next) {
      for (const l of links.values()) l.removeTrack(current)
      await setMedia({ video: false })
      return false
    }
    next.enabled = state.media.video
    stream.addTrack(next)
    for (const l of links.values()) l.replaceTrack(current, next)
    limitCameras()
    return true
  }

  async function startScreen() {
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false })
    // A document: sharp text matters more than smooth motion.
    for (const track of stream.getVideoTracks()) track.contentHint = 'detail'
    screen.value = stream
    stream.getVideoTracks()[0]?.addEventListener('ended', () => void stopScreen())
    for (const l of links.values()) l.addStream(stream)
    await setMedia({ screen: true })
  }

  async function stopScreen() {
    const stream = screen.value
    if (!stream) return
    screen.value = undefined
    for (const track of stream.getTracks()) {
      for (const l of links.values()) l.removeTrack(track)
      track.stop()
    }
    await setMedia({ screen: false })
  }

  async function sendChat(text: string) {
    await call('Chat', text)
  }

  function stopEverything() {
    dropPrepared()
    timers.forEach(clearInterval)
    timers = []
    for (const l of links.values()) l.close()
    links.clear()
    for (const stream of [local.value, screen.value]) stream?.getTracks().forEach((t) => t.stop())
    local.value = undefined
    screen.value = undefined
  }

  async function leave() {
    await report(true)
    // A connection still opening (a prepared session dropped at once) is closed once open.
    const opening = connecting
    connecting = undefined
    await opening?.catch(() => {})
    const h = hub
    hub = undefined
    stopEverything()
    if (state.phase !== 'closed') state.phase = 'left'
    try {
      await h?.invoke('Leave')
    } catch {
      /* the server sees the connection close anyway */
    }
    await h?.stop()
  }

  async function endForEveryone() {
    await report(true)
    await call('EndVisit')
  }

  return {
    visitId, state, local, screen, links, prepare, start, leave, endForEveryone, setMedia, switchCamera, startScreen, stopScreen, sendChat,
    report,
  }
}

export type CallSession = ReturnType<typeof createCallSession>
