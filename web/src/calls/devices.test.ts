import { beforeEach, describe, expect, it } from 'vitest'
import { deviceStorageKey, loadDeviceChoice, mediaConstraints, saveDeviceChoice } from './devices'

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
})
