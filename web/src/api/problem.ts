import { ApiError } from './http'

export interface Translator {
  t: (key: string, named: Record<string, unknown>) => string
  te: (key: string) => boolean
  locale: string
}

// Turns any failure into one sentence a person can act on: the server's `code` in our own words
// first, then the server's `detail`, then a generic "try again / contact the office".
export function describeError(error: unknown, i18n: Translator): string {
  const problem = error instanceof ApiError ? error.problem : undefined
  if (!problem) return i18n.t('errors.generic', {})

  const code = problem.code
  if (code === 'locked_out') {
    const until = formatUtc(problem.lockoutEndUtc, i18n.locale)
    if (until) return i18n.t('errors.locked_out_until', { until })
  }
  if (code && i18n.te(`errors.${code}`)) return i18n.t(`errors.${code}`, {})
  if (problem.detail) return problem.detail
  if (problem.errors && Object.keys(problem.errors).length > 0) return i18n.t('errors.validation', {})
  if (problem.status === 401) return i18n.t('errors.unauthorized', {})
  if (problem.status === 403) return i18n.t('errors.forbidden', {})
  return i18n.t('errors.generic', {})
}

export interface FormErrors {
  byField: Record<string, string>
  // Messages for fields the form does not show, so they are not lost.
  others: string[]
}

// Server field names may come as `NewPassword` or `newPassword`; forms use camelCase.
export function formErrors(error: unknown, fields: readonly string[]): FormErrors {
  const errors = error instanceof ApiError ? error.problem.errors : undefined
  const result: FormErrors = { byField: {}, others: [] }
  for (const [field, messages] of Object.entries(errors ?? {})) {
    const name = field.charAt(0).toLowerCase() + field.slice(1)
    if (fields.includes(name)) result.byField[name] = messages.join(' ')
    else result.others.push(...messages)
  }
  return result
}

// The server sends UTC; a value without an offset is still UTC (EF Core reads SQLite dates that way).
export function formatUtc(value: unknown, locale: string): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  const hasOffset = /(Z|[+-]\d\d:?\d\d)$/i.test(value)
  const date = new Date(hasOffset ? value : `${value}Z`)
  if (Number.isNaN(date.getTime())) return undefined
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}
