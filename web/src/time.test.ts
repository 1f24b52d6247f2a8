import { describe, expect, it } from 'vitest'
import { formatDate, utcToWallTime, wallTimeToUtc } from './time'

describe('times in the office zone', () => {
  it('reads a wall time in Shanghai as UTC, eight hours earlier', () => {
    expect(wallTimeToUtc('2026-05-01 09:30')).toBe('2026-05-01T01:30:00.000Z')
    expect(wallTimeToUtc('2026-05-01')).toBe('2026-04-30T16:00:00.000Z')
  })

  it('shows UTC on the Shanghai clock, whatever zone the browser is in', () => {
    expect(utcToWallTime('2026-04-30T16:30:00Z')).toBe('2026-05-01 00:30')
    expect(utcToWallTime('2026-04-30T16:30:00')).toBe('2026-05-01 00:30')
    expect(utcToWallTime('not a time')).toBeUndefined()
  })

  it('dates a UTC evening by its Shanghai day', () => {
    expect(formatDate('2026-04-30T20:00:00Z', 'en')).toBe('May 1, 2026')
  })
})
