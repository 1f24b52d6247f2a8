import { afterEach, describe, expect, it, vi } from 'vitest'
import { browserSupport, inAppBrowserOf, supportProblem } from './support'

describe('browser support', () => {
  afterEach(() => vi.unstubAllGlobals())

  it("tells WeChat's and QQ's built-in browsers from a phone's own", () => {
    const android = 'Mozilla/5.0 (Linux; Android 12; V2111A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.99 Mobile Safari/537.36'
    expect(inAppBrowserOf(`${android} XWEB/4317 MMWEBSDK/20220805 MicroMessenger/8.0.27.2220(0x28001B37) WeChat/arm64 Weixin NetType/WIFI`)).toBe('wechat')
    expect(inAppBrowserOf(`${android} V1_AND_SQ_8.9.0_3060_YYB_D QQ/8.9.0.9970 NetType/WIFI`)).toBe('qq')
    expect(inAppBrowserOf(android)).toBeUndefined()
    expect(inAppBrowserOf(`${android} MQQBrowser/13.2`)).toBeUndefined()
  })

  it('finds peer connections and the camera missing', () => {
    vi.stubGlobal('RTCPeerConnection', undefined)
    vi.stubGlobal('navigator', { userAgent: 'MicroMessenger/8.0.27', mediaDevices: undefined })
    expect(browserSupport()).toEqual({ webRtc: false, camera: false, inApp: 'wechat' })

    vi.stubGlobal('RTCPeerConnection', class {})
    vi.stubGlobal('navigator', { userAgent: 'Chrome/120', mediaDevices: { getUserMedia: async () => ({}) } })
    expect(browserSupport()).toEqual({ webRtc: true, camera: true, inApp: undefined })
  })

  it('keeps a call from a browser without peer connections, and warns in an app that gives no camera', () => {
    expect(supportProblem({ webRtc: false, camera: true })).toBe('noCall')
    expect(supportProblem({ webRtc: true, camera: false, inApp: 'wechat' })).toBe('noCamera')
    // Outside an app the device check explains a missing camera (e.g. a page not on https).
    expect(supportProblem({ webRtc: true, camera: false })).toBeUndefined()
    expect(supportProblem({ webRtc: true, camera: true, inApp: 'qq' })).toBeUndefined()
  })
})
