// The camera and microphone the pre-call check has open, for "Join now" to take along: the call starts with copies
// of its tracks instead of asking for the devices again (which takes a camera a while to start).

let current: MediaStream | null = null

export function showingPreview(stream: MediaStream | null) {
  current = stream
}

/** Copies of the preview's live tracks (the check stops its own when it closes), if it has any. */
export function takePreview(): MediaStream | undefined {
  const live = current?.getTracks().filter((t) => t.readyState === 'live') ?? []
  return live.length > 0 ? new MediaStream(live.map((t) => t.clone())) : undefined
}
