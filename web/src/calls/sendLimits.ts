// How much of my camera each of my peer connections sends. In a mesh every other participant gets a copy of its
// own, so a phone in a call of six encodes and uploads five: each copy gets a share of about 1.5 Mbit/s, smaller
// and at fewer frames the more there are (the tiles on the others' screens get smaller too). A shared screen is
// left as it is: a document must stay legible (see `contentHint` where it is shared).

export interface CameraLimits {
  maxBitrate: number
  scaleResolutionDownBy: number
  maxFramerate: number
}

// Others in the call → what each copy may use; with one other, the browser's own choice (the camera asks 640×480).
export function cameraLimits(others: number): CameraLimits | undefined {
  if (others <= 1) return undefined
  if (others === 2) return { maxBitrate: 800_000, scaleResolutionDownBy: 1, maxFramerate: 24 }
  if (others === 3) return { maxBitrate: 500_000, scaleResolutionDownBy: 1.5, maxFramerate: 20 }
  return { maxBitrate: 300_000, scaleResolutionDownBy: 2, maxFramerate: 15 }
}

// Applied to a sender without renegotiating; undefined lifts the limits. A sender not negotiated yet has no encodings:
// its peer link applies them again once its negotiation is done.
export async function limitSender(sender: RTCRtpSender, limits: CameraLimits | undefined) {
  const parameters = sender.getParameters()
  if (!parameters.encodings?.length) return
  for (const encoding of parameters.encodings) {
    if (limits) Object.assign(encoding, limits)
    else {
      delete encoding.maxBitrate
      delete encoding.maxFramerate
      encoding.scaleResolutionDownBy = 1
    }
  }
  await sender.setParameters(parameters)
}
