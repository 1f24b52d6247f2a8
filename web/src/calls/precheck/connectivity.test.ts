import { describe, expect, it } from 'vitest'
import { verdictOf, type ConnectivityReport } from './connectivity'

const report = (direct: ConnectivityReport['direct'], relay: ConnectivityReport['relay']): ConnectivityReport => ({
  direct,
  relay,
  relayRefusedCredentials: false,
})

describe('connectivity verdict', () => {
  it('says the call connects whenever the relay works', () => {
    expect(verdictOf(report('public', 'ok'))).toBe('bothWork')
    expect(verdictOf(report('local', 'ok'))).toBe('relayWorks')
    expect(verdictOf(report('none', 'ok'))).toBe('relayWorks')
  })

  it('warns when only a direct connection is left, and says blocked when nothing is', () => {
    expect(verdictOf(report('public', 'failed'))).toBe('directOnly')
    expect(verdictOf(report('public', 'notConfigured'))).toBe('directOnly')
    expect(verdictOf(report('local', 'failed'))).toBe('sameNetworkOnly')
    expect(verdictOf(report('none', 'failed'))).toBe('blocked')
  })
})
