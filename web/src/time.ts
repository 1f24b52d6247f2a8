// Every time the server sends is UTC; people read and enter times in the office's zone. DESIGN.md §4
// names Asia/Shanghai as the default, and one zone for everyone keeps a deadline reading the same
// on a deputy's phone abroad and on the office's screen.
export const timeZone = 'Asia/Shanghai'
// China Standard Time has had no daylight saving since 1991: a fixed offset converts wall times exactly.
const zoneOffset = '+08:00'

// A value without an offset is still UTC (EF Core reads SQLite dates that way).
export function parseUtc(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  const hasOffset = /(Z|[+-]\d\d:?\d\d)$/i.test(value)
  const date = new Date(hasOffset ? value : `${value}Z`)
  return Number.isNaN(date.getTime()) ? undefined : date
}

export function formatDateTime(value: unknown, locale: string): string | undefined {
  const date = parseUtc(value)
  return date && new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date)
}

export function formatDate(value: unknown, locale: string): string | undefined {
  const date = parseUtc(value)
  return date && new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date)
}

// "YYYY-MM-DD" or "YYYY-MM-DD HH:mm" as read on a clock in the office's zone, in UTC ISO form.
export function wallTimeToUtc(wall: string): string {
  const [date, time = '00:00'] = wall.trim().split(/[ T]/)
  return new Date(`${date}T${time.slice(0, 5)}:00${zoneOffset}`).toISOString()
}

// The inverse: "YYYY-MM-DD HH:mm" on the office's clock.
export function utcToWallTime(value: unknown): string | undefined {
  const date = parseUtc(value)
  if (!date) return undefined
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}
