import { describe, expect, it } from 'vitest'
import { activeSpeaker, qualityLevel, readStats, summarize } from './quality'

const report = (bytes: number, packets: number, lost: number, candidateType = 'host') => [
  { type: 'transport', id: 'T', selectedCandidatePairId: 'P' },
  { type: 'candidate-pair', id: 'P', localCandidateId: 'L', currentRoundTripTime: 0.042, nominated: true, state: 'succeeded' },
  { type: 'local-candidate', id: 'L', candidateType },
  { type: 'inbound-rtp', id: 'V', kind: 'video', bytesReceived: bytes, packetsReceived: packets, packetsLost: lost, framesDecoded: 90 },
  { type: 'inbound-rtp', id: 'A', kind: 'audio', bytesReceived: 0, packetsReceived: 0, packetsLost: 0, audioLevel: 0.3 },
]

describe('call quality from getStats', () => {
  it('reads the selected pair, and rates from the difference between two reports', () => {
    const first = readStats(report(100_000, 1_000, 0), undefined, 1_000)
    expect(first.stats.rttMs).toBe(42)
    expect(first.stats.lossPercent).toBeUndefined()
    const second = readStats(report(225_000, 1_090, 10, 'relay'), first.counters, 2_000)
    expect(second.stats).toMatchObject({ bitrateKbps: 1_000, lossPercent: 10, relayed: true, framesDecoded: 90, audioLevel: 0.3 })
  })

  it('rates round trip and loss as good, fair or poor', () => {
    const at = (rttMs: number, lossPercent: number, bitrateKbps = 800) => ({ rttMs, lossPercent, bitrateKbps, audioLevel: 0, framesDecoded: 1, relayed: false })
    expect(qualityLevel(at(40, 0), true)).toBe('good')
    expect(qualityLevel(at(200, 0), true)).toBe('fair')
    expect(qualityLevel(at(40, 0, 20), true)).toBe('fair')
    expect(qualityLevel(at(40, 0, 20), false)).toBe('good')
    expect(qualityLevel(at(40, 12), true)).toBe('poor')
    expect(qualityLevel(undefined, true)).toBe('unknown')
  })

  it('picks the loudest speaker above the threshold', () => {
    expect(activeSpeaker(new Map([[1, 0.01], [2, 0.4], [3, 0.2]]))).toBe(2)
    expect(activeSpeaker(new Map([[1, 0.001]]))).toBeUndefined()
  })

  it('summarizes a participant over their links', () => {
    const link = (rttMs: number, relayed: boolean) => ({ rttMs, lossPercent: 1, bitrateKbps: 500, audioLevel: 0, framesDecoded: 1, relayed })
    expect(summarize(0, 61_400, [link(20, false), link(41, true)])).toEqual({
      durationSeconds: 61, roundTripMs: 30.5, packetLossPercent: 1, bitrateKbps: 500, relayed: true,
    })
    expect(summarize(0, 1_000, [])).toMatchObject({ roundTripMs: null, relayed: false })
  })
})
