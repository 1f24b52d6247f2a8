// The camera, microphone and speaker a person chose on the pre-call check, remembered on this device and
// used by the call. Ids of devices that are gone are ignored: the browser then picks its default.

export interface DeviceChoice {
  cameraId?: string
  microphoneId?: string
  speakerId?: string
}

export const deviceStorageKey = 'consultation.devices'

export function loadDeviceChoice(): DeviceChoice {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(deviceStorageKey) ?? '{}')
    if (typeof value !== 'object' || value === null) return {}
    const stored = value as Record<string, unknown>
    const pick = (key: keyof DeviceChoice) =>
      typeof stored[key] === 'string' && stored[key] ? (stored[key] as string) : undefined
    return { cameraId: pick('cameraId'), microphoneId: pick('microphoneId'), speakerId: pick('speakerId') }
  } catch {
    // Unreadable or blocked storage: the defaults still work.
    return {}
  }
}

export function saveDeviceChoice(choice: DeviceChoice) {
  try {
    localStorage.setItem(deviceStorageKey, JSON.stringify(choice))
  } catch {
    // Not remembered, but this call still uses the choice.
  }
}

// A camera picture a mesh of six can carry.
const cameraSize: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 24, max: 30 } }

// Constraints for getUserMedia: the chosen devices if any, else the front camera (phones) at a size a
// mesh of six can carry.
export function mediaConstraints(choice: DeviceChoice): MediaStreamConstraints {
  return {
    audio: choice.microphoneId
      ? { deviceId: { exact: choice.microphoneId }, echoCancellation: true, noiseSuppression: true }
      : { echoCancellation: true, noiseSuppression: true },
    video: { ...(choice.cameraId ? { deviceId: { exact: choice.cameraId } } : { facingMode: 'user' }), ...cameraSize },
  }
}

// The camera to switch to from the one in use: a phone's other side (front and back), or else the next of the
// device's cameras (`cameraIds`, as enumerateDevices lists them), round again after the last.
export function otherCamera(current: MediaTrackSettings, cameraIds: string[]): MediaTrackConstraints {
  if (current.facingMode === 'user' || current.facingMode === 'environment')
    return { facingMode: { exact: current.facingMode === 'user' ? 'environment' : 'user' }, ...cameraSize }
  const next = cameraIds[(cameraIds.indexOf(current.deviceId ?? '') + 1) % cameraIds.length]
  return { ...(next ? { deviceId: { exact: next } } : {}), ...cameraSize }
}
