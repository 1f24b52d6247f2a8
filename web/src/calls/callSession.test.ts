import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCallSession, type CallSession } from './callSession'
import { wrap } from './peerLink'

// The hub connection, spoken for by the test: what the page invokes and sends, and what the hub says to it.
class FakeHub {
  state = 'Disconnected'
  readonly handlers = new Map<string, (...args: unknown[]) => void>()
  readonly sent: unknown[][] = []
  answerJoin: (result: unknown) => void = () => {}
  private joinCalled: () => void = () => {}
  readonly joinAsked = new Promise<void>((resolve) => (this.joinCalled = resolve))

  on(method: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(method, handler)
  }
  onreconnecting() {}
  reconnected: () => void = () => {}
  onreconnected(handler: () => void) {
    this.reconnected = handler
  }
  onclose() {}
  async start() {
    this.state = 'Connected'
  }
  async stop() {
    this.state = 'Disconnected'
  }
  // The last Join's answer, or its failure as the client reports a connection lost on the way.
  dropJoin: (error: Error) => void = () => {}
  invoke(method: string): Promise<unknown> {
    if (method !== 'Join') return Promise.resolve(method === 'ChatHistory' ? [] : undefined)
    this.joinCalled()
    return new Promise((resolve, reject) => ((this.answerJoin = resolve), (this.dropJoin = reject)))
  }
  async send(...args: unknown[]) {
    this.sent.push(args)
  }
  /** A message from the hub, as the server writes it in MessagePack (PascalCase). */
  says(method: string, ...args: unknown[]) {
    this.handlers.get(method)!(...args)
  }
}

const current = vi.hoisted(() => ({ hub: undefined as unknown }))

vi.mock('@microsoft/signalr', () => ({
  LogLevel: { Warning: 3 },
  HubConnectionBuilder: class {
    withUrl() { return this }
    withHubProtocol() { return this }
    withAutomaticReconnect() { return this }
    withStatefulReconnect() { return this }
    configureLogging() { return this }
    build() { return current.hub }
  },
}))
vi.mock('@microsoft/signalr-protocol-msgpack', () => ({ MessagePackHubProtocol: class {} }))
// The visit's ICE servers as the pre-call check asks for them.
vi.mock('../api/calls', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/calls')>()),
  callsApi: {
    iceConfig: async () => ({ iceServers: [{ urls: ['turn:127.0.0.1:3478?transport=udp'], username: '1764201600:84', credential: 'c2VjcmV0' }], iceTransportPolicy: 'relay' }),
  },
}))

// Enough of a peer connection to see who it negotiates with: it asks for an offer once tracks are added (unless they
// go into the transceivers of an offer it answers, or an offer is already on its way: `negotiationneeded` only fires
// in the stable state), and answers an offer.
class FakePeerConnection {
  connectionState = 'new'
  signalingState = 'stable'
  localDescription: RTCSessionDescriptionInit | null = null
  readonly remote: RTCSessionDescriptionInit[] = []
  onnegotiationneeded: (() => void) | null = null
  onicecandidate: unknown = null
  ontrack: unknown = null
  onconnectionstatechange: unknown = null
  private negotiating = false
  // Every peer connection made, in order.
  static made: FakePeerConnection[] = []

  constructor(readonly config: RTCConfiguration) {
    FakePeerConnection.made.push(this)
  }

  addTrack() {
    if (!this.negotiating && this.remote.length === 0)
      queueMicrotask(() => {
        if (this.signalingState === 'stable') this.onnegotiationneeded?.()
      })
    this.negotiating = true
    return {}
  }
  // Tracks sent on a transceiver that was offered to receive only.
  readonly sentOnReceiving: unknown[] = []
  addTransceiver() {
    const sent = this.sentOnReceiving
    return { direction: 'recvonly', currentDirection: null, sender: { track: null, setStreams() {}, replaceTrack: async (t: unknown) => void sent.push(t) } }
  }
  async setLocalDescription() {
    const type = this.signalingState === 'have-remote-offer' ? 'answer' : 'offer'
    this.localDescription = { type, sdp: `${type} sdp` }
    this.signalingState = type === 'offer' ? 'have-local-offer' : 'stable'
  }
  async setRemoteDescription(description: RTCSessionDescriptionInit) {
    this.remote.push(description)
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable'
  }
  async addIceCandidate() {}
  restartIce() {}
  close() {
    this.connectionState = 'closed'
    this.signalingState = 'closed'
  }
  async getStats() {
    return new Map()
  }
}

const camera = { kind: 'video', enabled: true, stop() {} }
const stream = { id: 'camera', getTracks: () => [camera], getAudioTracks: () => [], getVideoTracks: () => [camera] }

const visitId = 29
const me = 84
const deputy = { ParticipantId: 83, DisplayName: '李建国', Role: 0, Media: { Audio: true, Video: true, Screen: false }, IAmPolite: false }
const lead = { ParticipantId: 84, DisplayName: '张伟', Role: 2, Media: { Audio: true, Video: true, Screen: false }, IAmPolite: true }
const office = { ParticipantId: 85, DisplayName: '王敏', Role: 4, Media: { Audio: true, Video: true, Screen: false }, IAmPolite: false }

const turn = { Urls: ['turn:127.0.0.1:3478?transport=udp'], Username: '1764201600:84', Credential: 'c2VjcmV0' }

function answer(participantId: number, roomState: 'open' | 'lobby', peers: unknown[]) {
  return { ParticipantId: participantId, Peers: peers, IceServers: [turn], RoomState: roomState, EndsAtUtc: new Date(), IceTransportPolicy: 'relay' }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('joining a call while the camera opens', () => {
  let hub: FakeHub
  let session: CallSession
  let openCamera: (value: unknown) => void
  let refuseCamera: (error: unknown) => void
  let started: Promise<void>

  beforeEach(async () => {
    hub = new FakeHub()
    current.hub = hub
    vi.stubGlobal('RTCPeerConnection', FakePeerConnection)
    Object.defineProperty(navigator, 'mediaDevices', {
      configurable: true,
      value: { getUserMedia: () => new Promise((resolve, reject) => ((openCamera = resolve), (refuseCamera = reject))) },
    })
    session = createCallSession(visitId)
    started = session.start()
    await hub.joinAsked
  }, 5_000)

  afterEach(async () => {
    await session.leave()
    vi.unstubAllGlobals()
  })

  const pcOf = (id: number) => session.links.get(id)?.pc as unknown as FakePeerConnection | undefined
  const signalsTo = (id: number) => hub.sent.filter(([method, to]) => method === 'Signal' && to === id).map(([, , kind]) => kind)

  async function cameraOpens() {
    openCamera(stream)
    await started
    await settle()
  }

  it('keeps a participant who joined after the answer and answers their offer', async () => {
    hub.answerJoin(answer(me, 'open', []))
    await settle()
    hub.says('ParticipantJoined', deputy)
    hub.says('Signal', deputy.ParticipantId, 'offer', wrap('deputy-page', { sdp: 'offer from the deputy' }))
    await cameraOpens()

    expect(session.state.participants.map((p) => p.id)).toEqual([deputy.ParticipantId])
    expect(pcOf(deputy.ParticipantId)?.remote).toEqual([{ type: 'offer', sdp: 'offer from the deputy' }])
    expect(signalsTo(deputy.ParticipantId)).toContain('answer')
  })

  it('keeps a participant announced just before an answer that does not name them yet', async () => {
    hub.says('ParticipantJoined', deputy)
    hub.answerJoin(answer(me, 'open', []))
    hub.says('Signal', deputy.ParticipantId, 'offer', wrap('deputy-page', { sdp: 'offer from the deputy' }))
    await cameraOpens()

    expect(session.state.participants.map((p) => p.id)).toEqual([deputy.ParticipantId])
    expect(pcOf(deputy.ParticipantId)?.remote).toEqual([{ type: 'offer', sdp: 'offer from the deputy' }])
  })

  it('waits in the lobby, and goes into the room the handler opened meanwhile', async () => {
    hub.answerJoin(answer(deputy.ParticipantId, 'lobby', []))
    await settle()
    hub.says('ParticipantJoined', lead)
    hub.says('RoomStateChanged', 'open')
    hub.says('Signal', lead.ParticipantId, 'offer', wrap('lead-page', { sdp: 'offer from the handler' }))
    await cameraOpens()

    expect(session.state.phase).toBe('open')
    expect(session.state.participants.map((p) => p.id)).toEqual([lead.ParticipantId])
    expect(pcOf(lead.ParticipantId)?.remote).toEqual([{ type: 'offer', sdp: 'offer from the handler' }])
    expect(signalsTo(lead.ParticipantId)).toEqual(['answer'])
  })

  it('offers to those the answer named, but not to one who left meanwhile', async () => {
    hub.answerJoin(answer(me, 'open', [deputy, office]))
    await settle()
    hub.says('ParticipantLeft', office.ParticipantId)
    await cameraOpens()

    expect(session.state.participants.map((p) => p.id)).toEqual([deputy.ParticipantId])
    expect(pcOf(office.ParticipantId)).toBeUndefined()
    expect(signalsTo(deputy.ParticipantId)).toEqual(['offer'])
    expect(signalsTo(office.ParticipantId)).toEqual([])
  })

  it('offers to those in the room without camera or microphone, to see and hear them', async () => {
    hub.answerJoin(answer(me, 'open', [deputy]))
    refuseCamera(new DOMException('Permission denied', 'NotAllowedError'))
    await started
    await settle()

    expect(session.state.mediaError).toBe(true)
    expect(signalsTo(deputy.ParticipantId)).toEqual(['offer'])
  })

  it('sends a camera refused when joining once it is turned on', async () => {
    vi.stubGlobal('MediaStream', class {
      constructor(private readonly tracks: { kind: string }[]) {}
      getTracks = () => this.tracks
      getAudioTracks = () => this.tracks.filter((t) => t.kind === 'audio')
      getVideoTracks = () => this.tracks.filter((t) => t.kind === 'video')
    })
    hub.answerJoin(answer(me, 'open', [deputy]))
    refuseCamera(new DOMException('Permission denied', 'NotAllowedError'))
    await started
    await settle()

    const turningOn = session.setMedia({ video: true })
    openCamera(stream)
    await turningOn

    expect(session.state.mediaError).toBe(false)
    expect(session.state.media.video).toBe(true)
    expect(pcOf(deputy.ParticipantId)?.sentOnReceiving).toEqual([camera])
  })

  it('joins again when the connection drops while Join is on its way, rather than saying it was refused', async () => {
    openCamera(stream)
    hub.state = 'Reconnecting'
    hub.dropJoin(new Error('Invocation canceled due to the underlying connection being closed.'))
    await settle()
    expect(session.state.phase).toBe('joining')

    hub.state = 'Connected'
    hub.reconnected()
    hub.answerJoin(answer(me, 'open', [deputy]))
    await started
    await settle()

    expect(session.state.phase).toBe('open')
    expect(session.state.refusal).toBeUndefined()
    expect(signalsTo(deputy.ParticipantId)).toEqual(['offer'])
  })

  it('opened by my own join while the deputy joins too, links only once the answer says who is polite and how to connect', async () => {
    // Both joined at once: the hub tells me of the deputy and of the room opening before it answers me.
    hub.says('ParticipantJoined', deputy)
    hub.says('RoomStateChanged', 'open')
    hub.answerJoin(answer(me, 'open', [deputy]))
    await cameraOpens()
    // The deputy offered too: the polite side (the higher id, mine) takes the deputy's offer and answers it.
    hub.says('Signal', deputy.ParticipantId, 'offer', wrap('deputy-page', { sdp: 'offer from the deputy' }))
    await settle()

    const link = session.links.get(deputy.ParticipantId)!
    expect(link.polite).toBe(true)
    expect((link.pc as unknown as FakePeerConnection).config).toEqual({
      iceServers: [{ urls: turn.Urls, username: turn.Username, credential: turn.Credential }],
      iceTransportPolicy: 'relay',
    })
    expect(signalsTo(deputy.ParticipantId)).toEqual(['offer', 'answer'])
  })
})

describe('joining from the pre-call check', () => {
  let hub: FakeHub
  let session: CallSession
  let started: Promise<void>

  beforeEach(async () => {
    hub = new FakeHub()
    current.hub = hub
    FakePeerConnection.made = []
    vi.stubGlobal('RTCPeerConnection', FakePeerConnection)
    session = createCallSession(visitId)
    session.prepare()
    await settle()
  }, 5_000)

  // "Join now", with the check's preview; `offerAhead` false when the check saw no one to offer to.
  async function joinNow(offerAhead = true) {
    started = session.start(stream as unknown as MediaStream, offerAhead)
    await hub.joinAsked
    await settle()
  }

  afterEach(async () => {
    await session.leave()
    vi.unstubAllGlobals()
  })

  const signalsTo = (id: number) => hub.sent.filter(([method, to]) => method === 'Signal' && to === id).map(([, , kind]) => kind)

  it('makes its offer while Join is answered, and sends it with the candidates found meanwhile as soon as the answer names someone', async () => {
    await joinNow()
    const [early] = FakePeerConnection.made
    expect(early?.localDescription?.type).toBe('offer')
    expect(early?.config).toEqual({
      iceServers: [{ urls: ['turn:127.0.0.1:3478?transport=udp'], username: '1764201600:84', credential: 'c2VjcmV0' }],
      iceTransportPolicy: 'relay',
    })
    ;(early!.onicecandidate as (e: unknown) => void)({ candidate: { toJSON: () => ({ candidate: 'candidate:1 1 udp 1 127.0.0.1 50000 typ host' }) } })
    expect(hub.sent).toEqual([])

    hub.answerJoin(answer(me, 'open', [deputy]))
    await started
    await settle()

    expect(FakePeerConnection.made).toEqual([early])
    expect(session.links.get(deputy.ParticipantId)?.pc).toBe(early)
    expect(signalsTo(deputy.ParticipantId)).toEqual(['offer', 'candidate'])
  })

  it('in a lobby, closes the offer it made: whoever opens the room offers', async () => {
    await joinNow()
    const [early] = FakePeerConnection.made
    hub.answerJoin(answer(deputy.ParticipantId, 'lobby', []))
    await started
    await settle()

    expect(session.state.phase).toBe('lobby')
    expect(early?.signalingState).toBe('closed')
    expect(session.links.size).toBe(0)
  })

  it('makes no offer ahead when the check saw no one to offer to (no relay allocated for nothing)', async () => {
    await joinNow(false)
    expect(FakePeerConnection.made).toEqual([])

    // Someone came meanwhile after all: offered to once Join names them.
    hub.answerJoin(answer(me, 'open', [deputy]))
    await started
    await settle()
    expect(FakePeerConnection.made).toHaveLength(1)
    expect(signalsTo(deputy.ParticipantId)).toEqual(['offer'])
  })
})
