// A call session made on the pre-call check, whose hub connection opens while the person checks camera, microphone
// and network: "Join now" then only has to call Join. The call page takes it over; leaving the check for anywhere
// else closes it.

import { createCallSession, type CallSession } from './callSession'

let prepared: CallSession | undefined

export function prepareCall(visitId: number) {
  if (prepared?.visitId === visitId) return
  dropPreparedCall()
  prepared = createCallSession(visitId)
  prepared.prepare()
}

/** "Join now": the prepared session starts joining at once, while the call page is still on its way. */
export function joinPreparedCall(visitId: number, preview?: MediaStream) {
  if (prepared?.visitId === visitId) void prepared.start(preview)
  else preview?.getTracks().forEach((t) => t.stop())
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
