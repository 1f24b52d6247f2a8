import { ref } from 'vue'

// Every time the server sends is UTC; people read and enter times in their own zone: the one in their
// profile, by default Asia/Shanghai (DESIGN.md §4). The zone is reactive, so pages redraw when the
// profile is loaded or changed.
export const defaultTimeZone = 'Asia/Shanghai'
const zone = ref(defaultTimeZone)

export function currentTimeZone(): string {
  return zone.value
}

// An unknown name (a zone this browser lacks) falls back to the default rather than breaking every date.
export function setTimeZone(name: string | null | undefined) {
  zone.value = name && isTimeZone(name) ? name : defaultTimeZone
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

// A value without an offset is still UTC (EF Core reads SQLite dates that way).
export function parseUtc(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  const hasOffset = /(Z|[+-]\d\d:?\d\d)$/i.test(value)
  const date = new Date(hasOffset ? value : `${value}Z`)
  return Number.isNaN(date.getTime()) ? undefined : date
}

export function utcMillis(value: unknown): number | undefined {
  return parseUtc(value)?.getTime()
}

export function formatDateTime(value: unknown, locale: string): string | undefined {
  const date = parseUtc(value)
  return date && new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone.value }).format(date)
}

export function formatDate(value: unknown, locale: string): string | undefined {
  const date = parseUtc(value)
  return date && new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone.value }).format(date)
}

// "15:30" (or "3:30 PM") on the reader's clock.
export function formatTime(value: unknown, locale: string): string | undefined {
  const date = parseUtc(value)
  return date && new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone.value }).format(date)
}

// The parts of an instant as read on a clock in `timeZone`. Formatters are costly to make: one per zone.
const clocks = new Map<string, Intl.DateTimeFormat>()

function wallParts(instant: number, timeZone: string) {
  let clock = clocks.get(timeZone)
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    clocks.set(timeZone, clock)
  }
  const parts = Object.fromEntries(clock.formatToParts(instant).map((part) => [part.type, part.value]))
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>
}

// How far the zone's clock is ahead of UTC at that instant, in milliseconds (daylight saving included).
function offsetAt(instant: number, timeZone: string): number {
  const p = wallParts(instant, timeZone)
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second)
  return asUtc - Math.floor(instant / 1000) * 1000
}

// "YYYY-MM-DD" or "YYYY-MM-DD HH:mm" as read on a clock in the reader's zone, in UTC ISO form.
export function wallTimeToUtc(wall: string, timeZone = zone.value): string {
  const [date, time = '00:00'] = wall.trim().split(/[ T]/)
  const [year, month, day] = date.split('-').map(Number)
  const [hour, minute] = time.split(':').map(Number)
  const asUtc = Date.UTC(year, month - 1, day, hour, minute)
  // The offset at the guess, then at the result: right on both sides of a daylight-saving change.
  let instant = asUtc - offsetAt(asUtc, timeZone)
  const corrected = asUtc - offsetAt(instant, timeZone)
  if (corrected !== instant) instant = corrected
  return new Date(instant).toISOString()
}

// The inverse: "YYYY-MM-DD HH:mm" on the reader's clock.
export function utcToWallTime(value: unknown, timeZone = zone.value): string | undefined {
  const date = typeof value === 'number' ? new Date(value) : parseUtc(value)
  if (!date || Number.isNaN(date.getTime())) return undefined
  const p = wallParts(date.getTime(), timeZone)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

// The zones offered in the profile: every zone the browser knows, the default first.
export function timeZoneNames(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return [defaultTimeZone, ...all.filter((name) => name !== defaultTimeZone)]
}

// "UTC+08:00" now, for a zone's label.
export function utcOffsetLabel(timeZone: string, at = Date.now()): string {
  const minutes = Math.round(offsetAt(at, timeZone) / 60_000)
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}
