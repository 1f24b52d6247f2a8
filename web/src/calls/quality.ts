// Figures a call shows and reports, read from RTCPeerConnection.getStats(): round trip, packet loss, bitrate
// (from the difference between two reports), the remote audio level and whether the pair goes through TURN.

export type QualityLevel = 'good' | 'fair' | 'poor' | 'unknown'

export interface LinkStats {
  rttMs?: number
  lossPercent?: number
  bitrateKbps?: number
  audioLevel: number
  framesDecoded: number
  relayed: boolean
}

// The cumulative counters of one report, kept to compute the next report's rates.
export interface Counters {
  atMs: number
  bytesReceived: number
  packetsReceived: number
  packetsLost: number
}

type Stat = Record<string, unknown> & { type: string; id: string }

const num = (value: unknown) => (typeof value === 'number' ? value : 0)

export function readStats(report: Iterable<Stat>, previous: Counters | undefined, nowMs: number): { stats: LinkStats; counters: Counters } {
  const all = [...report]
  const byId = new Map(all.map((s) => [s.id, s]))
  const transport = all.find((s) => s.type === 'transport' && s.selectedCandidatePairId)
  const pair =
    (transport && byId.get(transport.selectedCandidatePairId as string)) ??
    all.find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded')
  const local = pair ? byId.get(pair.localCandidateId as string) : undefined
  const inbound = all.filter((s) => s.type === 'inbound-rtp')
  const audio = inbound.find((s) => s.kind === 'audio')
  const counters: Counters = {
    atMs: nowMs,
    bytesReceived: inbound.reduce((sum, s) => sum + num(s.bytesReceived), 0),
    packetsReceived: inbound.reduce((sum, s) => sum + num(s.packetsReceived), 0),
    packetsLost: inbound.reduce((sum, s) => sum + num(s.packetsLost), 0),
  }
  const stats: LinkStats = {
    rttMs: typeof pair?.currentRoundTripTime === 'number' ? pair.currentRoundTripTime * 1000 : undefined,
    audioLevel: num(audio?.audioLevel),
    framesDecoded: inbound.filter((s) => s.kind === 'video').reduce((sum, s) => sum + num(s.framesDecoded), 0),
    relayed: local?.candidateType === 'relay',
  }
  if (previous && nowMs > previous.atMs) {
    const received = counters.packetsReceived - previous.packetsReceived
    const lost = Math.max(0, counters.packetsLost - previous.packetsLost)
    stats.lossPercent = received + lost > 0 ? (100 * lost) / (received + lost) : 0
    stats.bitrateKbps = ((counters.bytesReceived - previous.bytesReceived) * 8) / (nowMs - previous.atMs)
  }
  return { stats, counters }
}

// Thresholds of a usable video call: beyond 400 ms of round trip or 8 % loss people talk over each other
// and the picture freezes.
export function qualityLevel(stats: LinkStats | undefined, expectsVideo: boolean): QualityLevel {
  if (!stats || stats.rttMs === undefined || stats.lossPercent === undefined) return 'unknown'
  if (stats.rttMs > 400 || stats.lossPercent > 8) return 'poor'
  if (stats.rttMs > 150 || stats.lossPercent > 2 || (expectsVideo && (stats.bitrateKbps ?? 0) < 100)) return 'fair'
  return 'good'
}

// The loudest remote participant above the threshold of speech, if any.
export function activeSpeaker(levels: Map<number, number>, threshold = 0.02): number | undefined {
  let best: number | undefined
  let loudest = threshold
  for (const [id, level] of levels) {
    if (level > loudest) [best, loudest] = [id, level]
  }
  return best
}

export interface QualitySummary {
  durationSeconds: number
  roundTripMs: number | null
  packetLossPercent: number | null
  bitrateKbps: number | null
  relayed: boolean
}

// One participant's summary over their links: the averages of what the links measured last.
export function summarize(startedAtMs: number, nowMs: number, links: LinkStats[]): QualitySummary {
  const mean = (values: (number | undefined)[]) => {
    const known = values.filter((v): v is number => v !== undefined && Number.isFinite(v))
    return known.length ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10 : null
  }
  return {
    durationSeconds: Math.max(0, Math.round((nowMs - startedAtMs) / 1000)),
    roundTripMs: mean(links.map((l) => l.rttMs)),
    packetLossPercent: mean(links.map((l) => l.lossPercent)),
    bitrateKbps: mean(links.map((l) => l.bitrateKbps)),
    relayed: links.some((l) => l.relayed),
  }
}
