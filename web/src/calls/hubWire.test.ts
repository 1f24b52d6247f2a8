import { describe, expect, it } from 'vitest'
import { fromHub, toHub } from './hubWire'

describe('hub wire shapes', () => {
  it('turns a join result from MessagePack into the JSON protocol shape', () => {
    const joined = fromHub({
      ParticipantId: 7,
      Peers: [{ ParticipantId: 3, DisplayName: '刘伟', Role: 2, Media: { Audio: true, Video: false, Screen: false }, IAmPolite: true }],
      IceServers: [{ Urls: ['stun:127.0.0.1:3478'], Username: null, Credential: null }],
      RoomState: 'open',
      EndsAtUtc: new Date(Date.UTC(2026, 10, 26, 10, 30)),
      IceTransportPolicy: 'all',
    })
    expect(joined).toEqual({
      participantId: 7,
      peers: [{ participantId: 3, displayName: '刘伟', role: 2, media: { audio: true, video: false, screen: false }, iAmPolite: true }],
      iceServers: [{ urls: ['stun:127.0.0.1:3478'], username: null, credential: null }],
      roomState: 'open',
      endsAtUtc: '2026-11-26T10:30:00.000Z',
      iceTransportPolicy: 'all',
    })
  })

  it('leaves plain arguments as they are', () => {
    expect([5, 'offer', '{"tag":"a"}', true].map(fromHub)).toEqual([5, 'offer', '{"tag":"a"}', true])
    expect(fromHub(null)).toBeNull()
  })

  it('sends an object with the server property names', () => {
    expect(toHub({ durationSeconds: 60, roundTripMs: null, relayed: false })).toEqual({ DurationSeconds: 60, RoundTripMs: null, Relayed: false })
  })
})
