// One RTCPeerConnection to one other participant, negotiated with the W3C "perfect negotiation" pattern:
// either side may offer at any time; on a collision the polite side (the server says which) rolls back and
// answers, the impolite side ignores the other's offer. Signals carry the sending page's tag, so an offer from a
// reloaded page (a new peer connection over there) is told apart from a renegotiation of this one. A description
// names the stream the sender's screen is in, if it shares one: a camera and a screen are both just video.

import { limitSender, type CameraLimits } from './sendLimits'

export type SignalKind = 'offer' | 'answer' | 'candidate'
export type Send = (kind: SignalKind, payload: string) => Promise<void>
export type LinkState = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed'

// How long a connection may stay disconnected before an ICE restart.
export const restartAfterMs = 3_000
// How long a connection may stay new — its offer not answered, or no candidates from the other side — before it is
// negotiated again: a signal lost while the hub stayed connected (refused over a limit, say) would leave it so for good.
export const renegotiateNewAfterMs = 15_000

export interface Envelope {
  tag: string
  sdp?: string
  candidate?: RTCIceCandidateInit
  screen?: string
}

export function wrap(tag: string, body: Omit<Envelope, 'tag'>): string {
  return JSON.stringify({ tag, ...body })
}

export function unwrap(payload: string): Envelope | undefined {
  try {
    const value: unknown = JSON.parse(payload)
    if (typeof value !== 'object' || value === null || typeof (value as Envelope).tag !== 'string') return undefined
    return value as Envelope
  } catch {
    return undefined
  }
}

export interface LinkEvents {
  onState(state: LinkState): void
  onStream(stream: MediaStream, screen: boolean): void
  // The id of the stream of my screen while I share one.
  screenId?(): string | undefined
}

export class PeerLink {
  readonly pc: RTCPeerConnection
  remoteTag: string | undefined
  state: LinkState = 'connecting'
  // Called once the first remote offer is set, for an answerer to add its tracks to the offered transceivers.
  onFirstOffer: (() => void) | undefined
  private makingOffer = false
  private ignoreOffer = false
  // Remote streams that arrive while a description is applied: handed on once it is, and the answer to it sent (the
  // page redrawing its tiles would hold up the answer otherwise).
  private arriving: MediaStream[] | undefined
  // The stream of the other side's screen, as its latest description said.
  private remoteScreen: string | undefined
  // Signals are handled one after another: each awaits the previous one's descriptions.
  private queue: Promise<void> = Promise.resolve()
  private restartTimer: ReturnType<typeof setTimeout> | undefined
  private newTimer: ReturnType<typeof setTimeout> | undefined
  private readonly senders = new Map<MediaStreamTrack, RTCRtpSender>()
  // Transceivers this side offered to receive only, by kind, until a track of that kind is sent on them.
  private readonly receiving = new Map<string, RTCRtpTransceiver>()
  private cameraLimit: { track: MediaStreamTrack; limits: CameraLimits | undefined } | undefined

  // A prepared offer (see PreparedOffer) brings its peer connection, tracks and offer: they go to this participant now.
  constructor(
    readonly remoteId: number,
    readonly polite: boolean,
    config: RTCConfiguration | PreparedOffer,
    private readonly tag: string,
    private readonly send: Send,
    private readonly events: LinkEvents,
  ) {
    const prepared = config instanceof PreparedOffer ? config : undefined
    this.pc = prepared?.pc ?? new RTCPeerConnection(config as RTCConfiguration)
    this.pc.onnegotiationneeded = () => void this.offer()
    if (prepared) void this.sendPrepared(prepared)
    else this.pc.onicecandidate = ({ candidate }) => this.sendCandidate(candidate)
    this.pc.ontrack = ({ track, streams }) => {
      const stream = streams[0] ?? new MediaStream([track])
      if (this.arriving) this.arriving.push(stream)
      else this.events.onStream(stream, stream.id === this.remoteScreen)
    }
    this.pc.onconnectionstatechange = () => this.connectionChanged()
    this.pc.onsignalingstatechange = () => {
      if (this.pc.signalingState === 'stable') void this.applyCameraLimit()
    }
    this.watchNew()
  }

  // Sends every track of the stream (a later track, e.g. a screen, renegotiates by itself). A track of a kind this side
  // offered only to receive goes on that transceiver, which then sends too.
  addStream(stream: MediaStream) {
    for (const track of stream.getTracks()) {
      if (this.senders.has(track)) continue
      this.senders.set(track, this.sendOnReceiving(track, stream) ?? this.pc.addTrack(track, stream))
    }
  }

  // Offers the tracks added so far now rather than on their `negotiationneeded`, which comes a task later, after the
  // page has redrawn (and then does not come: the offer in progress carries them). A kind with no track to send (no
  // camera or microphone, or none allowed) is offered to receive only: someone with nothing to send still sees and
  // hears the others.
  offerNow() {
    for (const [kind, transceiver] of receiveMissing(this.pc, [...this.senders.keys()])) this.receiving.set(kind, transceiver)
    void this.offer()
  }

  // Another track in place of one sent (a phone's other camera): the same sender carries it, without renegotiating.
  replaceTrack(old: MediaStreamTrack, next: MediaStreamTrack) {
    const sender = this.senders.get(old)
    if (!sender) return
    this.senders.delete(old)
    this.senders.set(next, sender)
    sender.replaceTrack(next).catch((error: unknown) => {
      console.warn(`sending the other ${next.kind} to ${this.remoteId} failed`, error)
    })
  }

  removeTrack(track: MediaStreamTrack) {
    const sender = this.senders.get(track)
    if (!sender) return
    this.senders.delete(track)
    if (this.pc.signalingState !== 'closed') this.pc.removeTrack(sender)
  }

  // What this connection may send of my camera (see sendLimits.ts), applied between negotiations (a sender has no
  // encodings to limit before its first, and Chrome refuses parameters read while one is under way).
  limitCamera(track: MediaStreamTrack | undefined, limits: CameraLimits | undefined) {
    this.cameraLimit = track && { track, limits }
    void this.applyCameraLimit()
  }

  receive(kind: SignalKind, envelope: Envelope): Promise<void> {
    this.queue = this.queue.then(() => this.handle(kind, envelope)).catch((error: unknown) => {
      console.warn(`signal ${kind} from ${this.remoteId} failed`, error)
    })
    return this.queue
  }

  // After a signaling outage: an offer lost on the way is taken back, and ICE restarted if not connected.
  async recover() {
    if (this.pc.connectionState === 'connected') return
    if (this.pc.signalingState === 'have-local-offer') await this.pc.setLocalDescription({ type: 'rollback' })
    this.pc.restartIce()
  }

  close() {
    clearTimeout(this.restartTimer)
    clearTimeout(this.newTimer)
    this.pc.close()
    this.setState('closed')
  }

  private watchNew() {
    this.newTimer = setTimeout(() => {
      if (this.state === 'closed' || this.pc.connectionState !== 'new') return
      void this.recover()
      this.watchNew()
    }, renegotiateNewAfterMs)
  }

  private async handle(kind: SignalKind, envelope: Envelope) {
    this.remoteTag ??= envelope.tag
    if (kind === 'candidate') {
      try {
        if (envelope.candidate) await this.pc.addIceCandidate(envelope.candidate)
      } catch (error) {
        if (!this.ignoreOffer) throw error
      }
      return
    }
    const collision = kind === 'offer' && (this.makingOffer || this.pc.signalingState !== 'stable')
    this.ignoreOffer = !this.polite && collision
    if (this.ignoreOffer) return
    const arriving: MediaStream[] = (this.arriving = [])
    this.remoteScreen = envelope.screen
    try {
      await this.pc.setRemoteDescription({ type: kind, sdp: envelope.sdp })
      if (kind === 'offer') {
        this.onFirstOffer?.()
        this.onFirstOffer = undefined
        await this.pc.setLocalDescription()
        await this.trySend('answer', this.describe(this.pc.localDescription))
      }
    } finally {
      this.arriving = undefined
      for (const stream of arriving) this.events.onStream(stream, stream.id === this.remoteScreen)
    }
  }

  // The transceiver offered to receive this track's kind, now sending it as well (setting its direction renegotiates).
  private sendOnReceiving(track: MediaStreamTrack, stream: MediaStream): RTCRtpSender | undefined {
    const transceiver = this.receiving.get(track.kind)
    if (!transceiver || transceiver.sender.track || transceiver.currentDirection === 'stopped') return undefined
    this.receiving.delete(track.kind)
    transceiver.direction = 'sendrecv'
    transceiver.sender.setStreams(stream)
    transceiver.sender.replaceTrack(track).catch((error: unknown) => {
      console.warn(`sending ${track.kind} to ${this.remoteId} failed`, error)
    })
    return transceiver.sender
  }

  // The prepared offer goes out once set, then the candidates found meanwhile, then the others as they come.
  private async sendPrepared(prepared: PreparedOffer) {
    for (const [track, sender] of prepared.senders) this.senders.set(track, sender)
    for (const [kind, transceiver] of prepared.receiving) this.receiving.set(kind, transceiver)
    this.makingOffer = true
    let failed = false
    try {
      await prepared.ready
      const description = this.pc.localDescription
      if (description?.type === 'offer') await this.trySend('offer', this.describe(description))
    } catch (error) {
      console.warn(`prepared offer to ${this.remoteId} failed: offering again`, error)
      failed = true
    } finally {
      this.makingOffer = false
    }
    if (failed) void this.offer()
    for (const candidate of prepared.candidates) this.sendCandidate(candidate)
    this.pc.onicecandidate = ({ candidate }) => this.sendCandidate(candidate)
  }

  private describe(description: RTCSessionDescription | null): string {
    return wrap(this.tag, { sdp: description?.sdp, screen: this.events.screenId?.() })
  }

  private sendCandidate(candidate: RTCIceCandidate | null) {
    if (candidate) void this.trySend('candidate', wrap(this.tag, { candidate: candidate.toJSON() }))
  }

  private async offer() {
    try {
      this.makingOffer = true
      await this.pc.setLocalDescription()
      const description = this.pc.localDescription
      if (description?.type === 'offer') await this.trySend('offer', this.describe(description))
    } catch (error) {
      console.warn(`offer to ${this.remoteId} failed`, error)
    } finally {
      this.makingOffer = false
    }
  }

  private async applyCameraLimit() {
    const sender = this.cameraLimit && this.senders.get(this.cameraLimit.track)
    const between = this.pc.signalingState === 'stable' && !this.makingOffer && this.pc.currentRemoteDescription
    if (!sender || !between) return
    try {
      await limitSender(sender, this.cameraLimit?.limits)
    } catch (error) {
      console.warn(`limiting the camera sent to ${this.remoteId} failed`, error)
    }
  }

  // A signal lost while the hub reconnects is made good by recover() afterwards.
  private async trySend(kind: SignalKind, payload: string) {
    try {
      await this.send(kind, payload)
    } catch {
      /* the hub is reconnecting */
    }
  }

  private connectionChanged() {
    const state = this.pc.connectionState
    clearTimeout(this.restartTimer)
    if (state === 'connected') this.setState('connected')
    else if (state === 'failed') {
      this.setState('reconnecting')
      this.pc.restartIce()
    } else if (state === 'disconnected') {
      this.setState('reconnecting')
      this.restartTimer = setTimeout(() => {
        if (this.pc.connectionState === 'disconnected') this.pc.restartIce()
      }, restartAfterMs)
    }
  }

  private setState(state: LinkState) {
    if (this.state === 'closed') return
    this.state = state
    this.events.onState(state)
  }
}

// A transceiver to receive each kind there is no track to send of, by kind.
function receiveMissing(pc: RTCPeerConnection, sending: MediaStreamTrack[]): [string, RTCRtpTransceiver][] {
  return (['audio', 'video'] as const)
    .filter((kind) => !sending.some((track) => track.kind === kind))
    .map((kind) => [kind, pc.addTransceiver(kind, { direction: 'recvonly' })])
}

// A peer connection made and offered while Join is answered, before anyone to offer to is known (an offer names no
// one): the link to the first participant present takes it, so the offer goes out as soon as Join's answer is in.
// The candidates found meanwhile wait for the link.
export class PreparedOffer {
  readonly pc: RTCPeerConnection
  readonly senders = new Map<MediaStreamTrack, RTCRtpSender>()
  readonly receiving: Map<string, RTCRtpTransceiver>
  readonly candidates: RTCIceCandidate[] = []
  readonly ready: Promise<void>

  constructor(config: RTCConfiguration, stream: MediaStream | undefined) {
    this.pc = new RTCPeerConnection(config)
    this.pc.onicecandidate = ({ candidate }) => candidate && this.candidates.push(candidate)
    for (const track of stream?.getTracks() ?? []) this.senders.set(track, this.pc.addTrack(track, stream!))
    this.receiving = new Map(receiveMissing(this.pc, [...this.senders.keys()]))
    this.ready = this.pc.setLocalDescription()
    // One never taken is closed before its offer is set: nobody waits for it then.
    this.ready.catch(() => {})
  }
}
