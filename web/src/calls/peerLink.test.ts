import { describe, expect, it } from 'vitest'
import { unwrap, wrap } from './peerLink'

describe('signal envelopes', () => {
  it('carry the sending page tag with the description or candidate', () => {
    const candidate = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 }
    expect(unwrap(wrap('page1', { sdp: 'v=0' }))).toEqual({ tag: 'page1', sdp: 'v=0' })
    expect(unwrap(wrap('page2', { candidate }))).toEqual({ tag: 'page2', candidate })
  })

  it('refuse what is not an envelope', () => {
    expect(unwrap('v=0')).toBeUndefined()
    expect(unwrap('{"sdp":"v=0"}')).toBeUndefined()
    expect(unwrap('null')).toBeUndefined()
  })
})
