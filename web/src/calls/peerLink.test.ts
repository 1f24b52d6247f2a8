import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PeerLink, PreparedOffer, renegotiateNewAfterMs, unwrap, wrap, type SignalKind } from './peerLink'

describe('signal envelopes', () => {
  it('carry the sending page tag with the description or candidate', () => {
    const candidate = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 }
    expect(unwrap(wrap('page1', { sdp: 'v=0' }))).toEqual({ tag: 'page1', sdp: 'v=0' })
    expect(unwrap(wrap('page2', { candidate }))).toEqual({ tag: 'page2', candidate })
  })

  it('refuse what is not an envelope', () => {
    expect(unwrap('v=0')).toBeUndefined()
    expect(unwrap('{"sdp":"v=0"}')).toBeUndefined()
    expect(unwrap('null')).toBeUndefined()
  })
})

// A peer connection that says what the page asks of it, in order; setting a remote offer brings the other side's
// stream, as a browser fires `track` before the description's promise settles.
class RecordingPeerConnection {
  static log: string[] = []
  connectionState: RTCPeerConnectionState = 'new'
  signalingState: RTCSignalingState = 'stable'
  localDescription: RTCSessionDescriptionInit | null = null
  onnegotiationneeded: (() => void) | null = null
  onicecandidate: unknown = null
  ontrack: ((event: { track: unknown; streams: unknown[] }) => void) | null = null
  onconnectionstatechange: unknown = null

  addTrack(track: { kind: string }) {
    RecordingPeerConnection.log.push(`addTrack ${track.kind}`)
    return {}
  }
  // A transceiver whose change of direction asks for negotiation, as a browser's does.
  addTransceiver(kind: string, init: RTCRtpTransceiverInit) {
    const { log } = RecordingPeerConnection
    log.push(`addTransceiver ${kind} ${init.direction}`)
    let direction = init.direction
    const pc = this
    return {
      currentDirection: null,
      get direction() {
        return direction
      },
      set direction(next) {
        direction = next
        log.push(`${kind} transceiver ${next}`)
        queueMicrotask(() => pc.signalingState === 'stable' && pc.onnegotiationneeded?.())
      },
      sender: {
        track: null as { kind: string } | null,
        setStreams: () => {},
        async replaceTrack(track: { kind: string }) {
          this.track = track
          log.push(`send ${track.kind} on it`)
        },
      },
    }
  }
  // A restart asks for negotiation, as a browser's does.
  restartIce() {
    RecordingPeerConnection.log.push('restartIce')
    queueMicrotask(() => this.signalingState === 'stable' && this.onnegotiationneeded?.())
  }
  async setLocalDescription(description?: RTCSessionDescriptionInit) {
    if (description?.type === 'rollback') {
      RecordingPeerConnection.log.push('rollback')
      this.signalingState = 'stable'
      return
    }
    const type = this.signalingState === 'have-remote-offer' ? 'answer' : 'offer'
    RecordingPeerConnection.log.push(`setLocalDescription ${type}`)
    await Promise.resolve()
    this.localDescription = { type, sdp: `${type} sdp` }
    this.signalingState = type === 'offer' ? 'have-local-offer' : 'stable'
  }
  async setRemoteDescription(description: RTCSessionDescriptionInit) {
    RecordingPeerConnection.log.push(`setRemoteDescription ${description.type}`)
    await Promise.resolve()
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable'
    this.ontrack?.({ track: { kind: 'video' }, streams: [{ id: 'their camera' }] })
  }
  close() {}
}

describe('a peer link on the way to media', () => {
  const log = RecordingPeerConnection.log
  const camera = { kind: 'video' }
  const stream = { getTracks: () => [camera] } as unknown as MediaStream

  beforeEach(() => {
    log.length = 0
    vi.stubGlobal('RTCPeerConnection', RecordingPeerConnection)
  })
  afterEach(() => vi.unstubAllGlobals())

  function makeLink(polite: boolean) {
    const send = async (kind: SignalKind) => void log.push(`send ${kind}`)
    return new PeerLink(83, polite, {}, 'my-page', send, {
      onState: () => {},
      onStream: (s) => void log.push(`stream ${s.id}`),
    })
  }

  it('offers the tracks added at once, without waiting for negotiationneeded', async () => {
    const link = makeLink(false)
    link.addStream(stream)
    link.offerNow()
    await vi.waitFor(() => expect(log).toContain('send offer'))

    expect(log).toEqual(['addTrack video', 'addTransceiver audio recvonly', 'setLocalDescription offer', 'send offer'])
  })

  it('with nothing to send (no camera or microphone), still offers to receive audio and video', async () => {
    makeLink(false).offerNow()
    await vi.waitFor(() => expect(log).toContain('send offer'))

    expect(log).toEqual(['addTransceiver audio recvonly', 'addTransceiver video recvonly', 'setLocalDescription offer', 'send offer'])
  })

  it('sends a track added later on the transceiver that received its kind, and offers again', async () => {
    const link = makeLink(false)
    link.offerNow()
    await vi.waitFor(() => expect(log).toContain('send offer'))
    await link.receive('answer', { tag: 'their-page', sdp: 'answer sdp' })
    log.length = 0

    link.addStream(stream)
    await vi.waitFor(() => expect(log).toContain('send offer'))

    expect(log).toEqual(['video transceiver sendrecv', 'send video on it', 'setLocalDescription offer', 'send offer'])
  })

  it('takes an offer made before anyone to send it to was known: the offer, the candidates found meanwhile, then the rest', async () => {
    const candidate = (name: string) => ({ candidate: { toJSON: () => ({ candidate: name }) } })
    const prepared = new PreparedOffer({}, stream)
    const found = prepared.pc.onicecandidate as unknown as (event: unknown) => void
    found(candidate('found meanwhile'))
    await prepared.ready
    const sent: string[] = []
    const link = new PeerLink(83, false, prepared, 'my-page', async (kind, payload) => void sent.push(`${kind} ${unwrap(payload)?.candidate?.candidate ?? ''}`), {
      onState: () => {},
      onStream: () => {},
    })
    await vi.waitFor(() => expect(sent).toHaveLength(2))
    ;(link.pc.onicecandidate as unknown as (event: unknown) => void)(candidate('found later'))

    expect(log).toEqual(['addTrack video', 'addTransceiver audio recvonly', 'setLocalDescription offer'])
    expect(sent).toEqual(['offer ', 'candidate found meanwhile', 'candidate found later'])
  })

  it('names the stream of its screen in its descriptions while sharing, and tells a screen the other side names from a camera', async () => {
    const sent: (string | undefined)[] = []
    const handed: string[] = []
    let sharing: string | undefined
    const link = new PeerLink(83, true, {}, 'my-page', async (_kind, payload) => void sent.push(unwrap(payload)?.screen), {
      onState: () => {},
      onStream: (s, screen) => void handed.push(`${s.id} ${screen ? 'screen' : 'camera'}`),
      screenId: () => sharing,
    })
    link.onFirstOffer = () => link.addStream(stream)
    sharing = 'my screen'
    // Their only video is a screen (no camera over there): it is not taken for a camera.
    await link.receive('offer', { tag: 'their-page', sdp: 'offer sdp', screen: 'their camera' })
    sharing = undefined
    await link.receive('offer', { tag: 'their-page', sdp: 'offer sdp' })

    expect(sent).toEqual(['my screen', undefined])
    expect(handed).toEqual(['their camera screen', 'their camera camera'])
  })

  it('hands the offered stream to the page only once its answer is sent', async () => {
    const link = makeLink(true)
    link.onFirstOffer = () => link.addStream(stream)
    await link.receive('offer', { tag: 'their-page', sdp: 'offer sdp' })

    expect(log).toEqual([
      'setRemoteDescription offer', 'addTrack video', 'setLocalDescription answer', 'send answer', 'stream their camera',
    ])
  })

  it('hands the answered stream to the page once the answer is set', async () => {
    const link = makeLink(false)
    link.addStream(stream)
    link.offerNow()
    await vi.waitFor(() => expect(log).toContain('send offer'))
    await link.receive('answer', { tag: 'their-page', sdp: 'answer sdp' })

    expect(log.slice(-2)).toEqual(['setRemoteDescription answer', 'stream their camera'])
  })

  it('offers again, restarting ICE, when its offer was lost on the way and the connection stayed new', async () => {
    vi.useFakeTimers()
    try {
      const link = makeLink(false)
      link.addStream(stream)
      link.offerNow()
      await vi.waitFor(() => expect(log).toContain('send offer'))
      log.length = 0

      await vi.advanceTimersByTimeAsync(renegotiateNewAfterMs)
      expect(log).toEqual(['rollback', 'restartIce', 'setLocalDescription offer', 'send offer'])

      // Once it is under way, it is left to ICE.
      Object.assign(link.pc, { connectionState: 'connecting' })
      log.length = 0
      await vi.advanceTimersByTimeAsync(renegotiateNewAfterMs)
      expect(log).toEqual([])
    } finally {
      vi.useRealTimers()
    }
  })
})
