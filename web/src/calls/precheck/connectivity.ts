import { rtcIceServers, type IceServer } from '../../api/calls'

// Whether a call can connect from this network: the candidates the browser finds through the
// visit's STUN/TURN servers, and a real connection between two peer connections allowed to use the
// relay only (the path of last resort when a direct one is blocked).

export type CandidateType = 'host' | 'srflx' | 'prflx' | 'relay'

export interface ConnectivityReport {
  // `public`: the network's public address is known (STUN answered), so a direct connection can be
  // tried across networks; `local`: only this device's own addresses; `none`: nothing at all.
  direct: 'public' | 'local' | 'none'
  relay: 'ok' | 'failed' | 'notConfigured'
  // The relay answered but refused the credentials (TURN error 401): a server setting to fix.
  relayRefusedCredentials: boolean
}

// The verdict shown to the person, from best to worst.
export type Verdict = 'bothWork' | 'relayWorks' | 'directOnly' | 'sameNetworkOnly' | 'blocked'

export function verdictOf(report: ConnectivityReport): Verdict {
  if (report.relay === 'ok') return report.direct === 'public' ? 'bothWork' : 'relayWorks'
  if (report.direct === 'public') return 'directOnly'
  if (report.direct === 'local') return 'sameNetworkOnly'
  return 'blocked'
}

const hasTurn = (servers: IceServer[]) =>
  servers.some((s) => s.urls.some((url) => url.startsWith('turn:') || url.startsWith('turns:')))

interface Gathered {
  types: Set<CandidateType>
  authRefused: boolean
}

async function gather(servers: IceServer[], timeoutMs: number): Promise<Gathered> {
  const pc = new RTCPeerConnection({ iceServers: rtcIceServers(servers) })
  const found: Gathered = { types: new Set(), authRefused: false }
  try {
    pc.createDataChannel('probe')
    const done = new Promise<void>((resolve) => {
      pc.onicecandidate = (e) => {
        if (e.candidate?.type) found.types.add(e.candidate.type as CandidateType)
        if (!e.candidate) resolve()
      }
      pc.onicecandidateerror = (e) => {
        if ((e as RTCPeerConnectionIceErrorEvent).errorCode === 401) found.authRefused = true
      }
      setTimeout(resolve, timeoutMs)
    })
    await pc.setLocalDescription(await pc.createOffer())
    await done
    return found
  } finally {
    pc.close()
  }
}

// Two peer connections in this page, relay only, exchanging one data channel message.
async function relayPairConnects(servers: IceServer[], timeoutMs: number): Promise<boolean> {
  const config: RTCConfiguration = { iceServers: rtcIceServers(servers), iceTransportPolicy: 'relay' }
  const a = new RTCPeerConnection(config)
  const b = new RTCPeerConnection(config)
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    a.onicecandidate = (e) => e.candidate && void b.addIceCandidate(e.candidate).catch(() => {})
    b.onicecandidate = (e) => e.candidate && void a.addIceCandidate(e.candidate).catch(() => {})
    const received = new Promise<boolean>((resolve) => {
      b.ondatachannel = (e) => (e.channel.onmessage = () => resolve(true))
      timer = setTimeout(() => resolve(false), timeoutMs)
    })
    const channel = a.createDataChannel('probe')
    channel.onopen = () => channel.send('probe')
    await a.setLocalDescription(await a.createOffer())
    await b.setRemoteDescription(a.localDescription!)
    await b.setLocalDescription(await b.createAnswer())
    await a.setRemoteDescription(b.localDescription!)
    return await received
  } finally {
    clearTimeout(timer)
    a.close()
    b.close()
  }
}

export async function checkConnectivity(servers: IceServer[], timeoutMs = 8000): Promise<ConnectivityReport> {
  const gathered = await gather(servers, timeoutMs)
  const direct = gathered.types.has('srflx') ? 'public' : gathered.types.has('host') ? 'local' : 'none'
  if (!hasTurn(servers)) return { direct, relay: 'notConfigured', relayRefusedCredentials: false }
  // No relayed candidate at all means no allocation: the pair cannot connect, so spare the wait.
  const relayOk = gathered.types.has('relay') && (await relayPairConnects(servers, timeoutMs))
  return { direct, relay: relayOk ? 'ok' : 'failed', relayRefusedCredentials: gathered.authRefused }
}
