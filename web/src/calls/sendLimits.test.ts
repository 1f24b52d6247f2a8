import { describe, expect, it } from 'vitest'
import { cameraLimits, limitSender } from './sendLimits'

describe('camera limits', () => {
  it('leave a call of two to the browser', () => {
    expect(cameraLimits(0)).toBeUndefined()
    expect(cameraLimits(1)).toBeUndefined()
  })

  it('keep the whole upload near 1.5 Mbit/s, each copy smaller and slower the more others there are', () => {
    let previous = cameraLimits(2)!
    for (let others = 2; others <= 5; others++) {
      const limits = cameraLimits(others)!
      expect(limits.maxBitrate * others).toBeLessThanOrEqual(1_600_000)
      expect(limits.maxBitrate).toBeLessThanOrEqual(previous.maxBitrate)
      expect(limits.scaleResolutionDownBy).toBeGreaterThanOrEqual(previous.scaleResolutionDownBy)
      expect(limits.maxFramerate).toBeLessThanOrEqual(previous.maxFramerate)
      previous = limits
    }
    // A phone in a call of six sends five copies of 320×240.
    expect(cameraLimits(5)!.scaleResolutionDownBy).toBe(2)
  })
})

// A sender as a browser keeps its parameters: what getParameters() gives is a copy, setParameters() takes it back.
function fakeSender(encodings: RTCRtpEncodingParameters[]) {
  let stored: RTCRtpSendParameters = { transactionId: '1', encodings, codecs: [], headerExtensions: [], rtcp: {} }
  return {
    getParameters: () => structuredClone(stored),
    async setParameters(parameters: RTCRtpSendParameters) {
      stored = parameters
    },
    get encodings() {
      return stored.encodings
    },
  }
}

describe('limiting a sender', () => {
  it('sets the limits on every encoding, and lifts them again', async () => {
    const sender = fakeSender([{ active: true }])
    await limitSender(sender as unknown as RTCRtpSender, cameraLimits(3))
    expect(sender.encodings).toEqual([{ active: true, maxBitrate: 500_000, scaleResolutionDownBy: 1.5, maxFramerate: 20 }])

    await limitSender(sender as unknown as RTCRtpSender, undefined)
    expect(sender.encodings).toEqual([{ active: true, scaleResolutionDownBy: 1 }])
  })

  it('leaves a sender not negotiated yet as it is', async () => {
    const sender = fakeSender([])
    await limitSender(sender as unknown as RTCRtpSender, cameraLimits(4))
    expect(sender.encodings).toEqual([])
  })
})
