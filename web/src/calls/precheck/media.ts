import { mediaConstraints, type DeviceChoice } from '../devices'
import { canChooseSpeaker } from './audio'

// Why the camera or microphone cannot be used, each with its own advice on the page.
export type MediaProblem = 'denied' | 'noDevice' | 'busy' | 'insecure' | 'unknown'

export interface Devices {
  cameras: MediaDeviceInfo[]
  microphones: MediaDeviceInfo[]
  // Empty where the browser cannot choose the speaker (then it plays on its default one).
  speakers: MediaDeviceInfo[]
}

export class MediaOpenError extends Error {
  constructor(readonly problem: MediaProblem) {
    super(problem)
    this.name = 'MediaOpenError'
  }
}

export function problemOf(error: unknown): MediaProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noDevice'
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy'
  return 'unknown'
}

// Camera and microphone as chosen; a remembered device that is gone falls back to the defaults, and a
// missing camera (or microphone) still gives the other one, so the check can go on with what there is.
export async function openMedia(choice: DeviceChoice): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new MediaOpenError('insecure')
  const attempts: MediaStreamConstraints[] = [
    mediaConstraints(choice),
    mediaConstraints({}),
    { audio: mediaConstraints({}).audio, video: false },
    { audio: false, video: mediaConstraints({}).video },
  ]
  let first: unknown
  for (const constraints of attempts) {
    try {
      return await navigator.mediaDevices.getUserMedia(constraints)
    } catch (e) {
      first ??= e
      // Refused or busy: asking again with other constraints will not help.
      if (problemOf(e) !== 'noDevice') break
    }
  }
  throw new MediaOpenError(problemOf(first))
}

// The devices to choose from. Chrome also lists the system's default and communications devices under the ids
// 'default' and 'communications', a second name for one of the others: the page's own "system default" stands for them.
export async function listDevices(): Promise<Devices> {
  const all = await navigator.mediaDevices.enumerateDevices()
  const named = (kind: MediaDeviceKind) =>
    all.filter((d) => d.kind === kind && d.deviceId && d.deviceId !== 'default' && d.deviceId !== 'communications')
  return {
    cameras: named('videoinput'),
    microphones: named('audioinput'),
    speakers: canChooseSpeaker() ? named('audiooutput') : [],
  }
}

export function stopMedia(stream: MediaStream | null | undefined) {
  stream?.getTracks().forEach((track) => track.stop())
}
