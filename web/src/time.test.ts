import { afterEach, describe, expect, it } from 'vitest'
import {
  currentTimeZone,
  defaultTimeZone,
  formatDate,
  formatTime,
  setTimeZone,
  timeZoneNames,
  utcOffsetLabel,
  utcToWallTime,
  wallTimeToUtc,
} from './time'

describe('times in the default zone', () => {
  it('reads a wall time in Shanghai as UTC, eight hours earlier', () => {
    expect(wallTimeToUtc('2026-05-01 09:30')).toBe('2026-05-01T01:30:00.000Z')
    expect(wallTimeToUtc('2026-05-01')).toBe('2026-04-30T16:00:00.000Z')
  })

  it('shows UTC on the Shanghai clock, whatever zone the browser is in', () => {
    expect(utcToWallTime('2026-04-30T16:30:00Z')).toBe('2026-05-01 00:30')
    expect(utcToWallTime('2026-04-30T16:30:00')).toBe('2026-05-01 00:30')
    expect(utcToWallTime('not a time')).toBeUndefined()
    expect(formatTime('2026-04-30T16:30:00Z', 'zh-CN')).toBe('00:30')
    expect(formatTime('2026-04-30T16:30:00Z', 'en')).toBe('12:30 AM')
  })

  it('dates a UTC evening by its Shanghai day', () => {
    expect(formatDate('2026-04-30T20:00:00Z', 'en')).toBe('May 1, 2026')
  })
})

describe("times in the reader's own zone", () => {
  afterEach(() => setTimeZone(defaultTimeZone))

  it('enters and shows times on the chosen clock, daylight saving included', () => {
    setTimeZone('Europe/Berlin')
    // Summer time (UTC+2) and winter time (UTC+1).
    expect(wallTimeToUtc('2026-07-01 09:30')).toBe('2026-07-01T07:30:00.000Z')
    expect(wallTimeToUtc('2026-01-15 09:30')).toBe('2026-01-15T08:30:00.000Z')
    expect(utcToWallTime('2026-07-01T07:30:00Z')).toBe('2026-07-01 09:30')
    expect(formatDate('2026-04-30T20:00:00Z', 'en')).toBe('Apr 30, 2026')
  })

  it('keeps the default zone for a name the browser does not know', () => {
    setTimeZone('Mars/Olympus_Mons')
    expect(currentTimeZone()).toBe(defaultTimeZone)
    setTimeZone(null)
    expect(currentTimeZone()).toBe(defaultTimeZone)
  })

  it('offers the default zone first, with its offset', () => {
    expect(timeZoneNames()[0]).toBe('Asia/Shanghai')
    expect(timeZoneNames()).toContain('Europe/Berlin')
    expect(utcOffsetLabel('Asia/Shanghai')).toBe('UTC+08:00')
    expect(utcOffsetLabel('America/St_Johns', Date.UTC(2026, 0, 15))).toBe('UTC-03:30')
  })
})
