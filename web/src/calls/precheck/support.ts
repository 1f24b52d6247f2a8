// Whether this browser can take part in a video call at all. Deputies often open an invitation inside WeChat or
// QQ, whose built-in browsers on some phones have no WebRTC or no camera access: there the way on is to open the
// same link in the phone's own browser, from the app's menu.

export type InAppBrowser = 'wechat' | 'qq'

export interface BrowserSupport {
  // Peer connections: without them there is no call.
  webRtc: boolean
  // Camera and microphone (also missing on a page not served over https).
  camera: boolean
  inApp?: InAppBrowser
}

export function inAppBrowserOf(userAgent: string): InAppBrowser | undefined {
  if (/MicroMessenger\//i.test(userAgent)) return 'wechat'
  if (/\bQQ\//i.test(userAgent)) return 'qq'
  return undefined
}

export function browserSupport(): BrowserSupport {
  return {
    webRtc: typeof window.RTCPeerConnection === 'function',
    camera: typeof navigator.mediaDevices?.getUserMedia === 'function',
    inApp: inAppBrowserOf(navigator.userAgent),
  }
}

// What keeps a call from going well in this browser: `noCall`, no peer connections at all; `noCamera`, an app's
// built-in browser that gives no camera or microphone (elsewhere the device check says why and what to do).
export type SupportProblem = 'noCall' | 'noCamera'

export function supportProblem(support: BrowserSupport): SupportProblem | undefined {
  if (!support.webRtc) return 'noCall'
  if (!support.camera && support.inApp) return 'noCamera'
  return undefined
}
