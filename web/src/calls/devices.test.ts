import { beforeEach, describe, expect, it } from 'vitest'
import { deviceStorageKey, loadDeviceChoice, mediaConstraints, otherCamera, saveDeviceChoice } from './devices'

describe('device choice', () => {
  beforeEach(() => localStorage.clear())

  it('is remembered between visits to the page', () => {
    saveDeviceChoice({ cameraId: 'cam-2', microphoneId: 'mic-1', speakerId: 'spk-3' })
    expect(loadDeviceChoice()).toEqual({ cameraId: 'cam-2', microphoneId: 'mic-1', speakerId: 'spk-3' })
  })

  it('ignores what it cannot read', () => {
    localStorage.setItem(deviceStorageKey, '{not json')
    expect(loadDeviceChoice()).toEqual({})
    localStorage.setItem(deviceStorageKey, JSON.stringify({ cameraId: 42, speakerId: '' }))
    expect(loadDeviceChoice()).toEqual({ cameraId: undefined, microphoneId: undefined, speakerId: undefined })
  })

  it('asks for the chosen devices exactly, or the front camera when none was chosen', () => {
    const chosen = mediaConstraints({ cameraId: 'cam-2', microphoneId: 'mic-1' })
    expect(chosen.video).toMatchObject({ deviceId: { exact: 'cam-2' } })
    expect(chosen.audio).toMatchObject({ deviceId: { exact: 'mic-1' } })
    expect(mediaConstraints({}).video).toMatchObject({ facingMode: 'user' })
  })

  it("switches a phone's front camera for its back one and back, and a computer's cameras in turn", () => {
    expect(otherCamera({ facingMode: 'user', deviceId: 'front' }, ['front', 'back'])).toMatchObject({ facingMode: { exact: 'environment' } })
    expect(otherCamera({ facingMode: 'environment' }, [])).toMatchObject({ facingMode: { exact: 'user' } })
    expect(otherCamera({ deviceId: 'cam-1' }, ['cam-1', 'cam-2', 'cam-3'])).toMatchObject({ deviceId: { exact: 'cam-2' } })
    expect(otherCamera({ deviceId: 'cam-3' }, ['cam-1', 'cam-2', 'cam-3'])).toMatchObject({ deviceId: { exact: 'cam-1' } })
    // At the size the call sends.
    expect(otherCamera({ deviceId: 'cam-1' }, ['cam-1', 'cam-2'])).toMatchObject({ width: { ideal: 640 }, height: { ideal: 480 } })
  })
})
