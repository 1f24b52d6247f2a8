// A call session made on the pre-call check, whose hub connection opens while the person checks camera, microphone
// and network: "Join now" then only has to call Join. The call page takes it over; leaving the check for anywhere
// else closes it.

import { watch } from 'vue'
import { createCallSession, type CallSession } from './callSession'

let prepared: CallSession | undefined

// The longest "Join now" keeps the check on screen while the call connects.
export const drawCallAfterMs = 1_000

export function prepareCall(visitId: number) {
  if (prepared?.visitId === visitId) return
  dropPreparedCall()
  prepared = createCallSession(visitId)
  prepared.prepare()
}

/**
 * "Join now": the prepared session starts joining at once (`offerAhead`: see CallSession.start). Resolves when the
 * call page is to be drawn: once Join is answered and my connections to those present are made (or the lobby, a
 * refusal, the end), after a second at most.
 * Drawing the call page takes the joiner's main thread for 30-60 ms on a small machine, which would hold up the offers
 * and answers on their way; meanwhile the check stays, its button busy.
 */
export async function joinPreparedCall(visitId: number, preview?: MediaStream, offerAhead = true) {
  const session = prepared
  if (session?.visitId !== visitId) {
    preview?.getTracks().forEach((t) => t.stop())
    return
  }
  void session.start(preview, offerAhead)
  if (underWay(session)) return
  await new Promise<void>((resolve) => {
    const stop = watch(() => underWay(session), (ready) => ready && done())
    const timer = setTimeout(done, drawCallAfterMs)
    function done() {
      stop()
      clearTimeout(timer)
      resolve()
    }
  })
}

function underWay({ state }: CallSession): boolean {
  if (state.phase === 'starting' || state.phase === 'joining') return false
  return state.phase !== 'open' || state.participants.every((p) => p.link !== 'waiting' && p.link !== 'connecting')
}

/** The session prepared for this visit, or a new one (the call page opened directly, or reloaded). */
export function takeCall(visitId: number): CallSession {
  const session = prepared?.visitId === visitId ? prepared : createCallSession(visitId)
  if (session === prepared) prepared = undefined
  return session
}

export function dropPreparedCall() {
  void prepared?.leave()
  prepared = undefined
}
