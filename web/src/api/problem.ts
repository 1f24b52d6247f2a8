import { ApiError, type ProblemDetails } from './http'
import { formatDate, formatDateTime, formatTime, utcToWallTime } from '../time'

export interface Translator {
  t: (key: string, named: Record<string, unknown>) => string
  te: (key: string) => boolean
  locale: string
}

// Turns any failure into one sentence a person can act on: the server's `code` in our own words
// first, else what to do for the status (with the server's `detail`), else "try again / contact the office".
export function describeError(error: unknown, i18n: Translator): string {
  const problem = error instanceof ApiError ? error.problem : undefined
  if (!problem) return i18n.t('errors.generic', {})

  const code = problem.code
  if (code === 'locked_out') {
    const until = formatUtc(problem.lockoutEndUtc, i18n.locale)
    if (until) return i18n.t('errors.locked_out_until', { until })
  }
  if (code === 'visit_clash') {
    const clash = clashText(problem.clash, i18n)
    if (clash) return clash
  }
  // A refusal names its rule (`reason`) and the rule's dates and numbers (`args`).
  const refusal = refusalText(problem, i18n)
  if (refusal) return refusal
  // Codes whose text carries the server's own explanation (e.g. which rule refuses "not now").
  if (code && i18n.te(`errors.${code}`)) return i18n.t(`errors.${code}`, { detail: problem.detail ?? '' })
  if (problem.errors && Object.keys(problem.errors).length > 0) return i18n.t('errors.validation', {})
  // A code we have no words for yet: the next step for the status, with the server's detail.
  const detail = problem.detail
  // A conflict is mostly a rule that refuses "not now" which we cannot name yet.
  if (problem.status === 409 && detail && !inEnglish(i18n)) return i18n.t('errors.not_now', { detail })
  const text = i18n.t(`errors.${statusKey(problem.status)}`, {})
  return detail ? withServerWords(text, detail, i18n) : text
}

// The server writes its details in English for a person to act on: an English reader gets them as they are;
// anyone else gets our words first, then the server's.
function withServerWords(text: string, words: string, i18n: Translator): string {
  return inEnglish(i18n) ? words : i18n.t('errors.serverSaid', { text, detail: words })
}

const inEnglish = (i18n: Translator) => i18n.locale.startsWith('en')

function statusKey(status: number): string {
  if (status === 0) return 'network'
  if (status === 401) return 'unauthenticated'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 409) return 'concurrency_conflict'
  // A proxy in front of the server may refuse a large upload before the server sees it.
  if (status === 413) return 'file_too_large'
  if (status >= 400 && status < 500) return 'bad_request'
  return 'generic'
}

export interface FormProblem {
  // Shown under the form's own fields.
  byField: Record<string, string>
  // Shown above the form: what no field shows, or empty when the fields say it all.
  message: string
}

// Places a validation problem's messages under the fields they name, in the reader's language
// where we can (a specific `code`, or Identity's error codes), else in the server's words.
export function describeFormError(
  error: unknown,
  fields: readonly string[],
  i18n: Translator,
): FormProblem {
  const problem = error instanceof ApiError ? error.problem : undefined
  const byField: Record<string, string> = {}
  const others: string[] = []
  const ours = problem && ourWords(problem, i18n)
  for (const [field, messages] of Object.entries(problem?.errors ?? {})) {
    // Server field names may come as `NewPassword` or `newPassword`; forms use camelCase.
    const name = field.charAt(0).toLowerCase() + field.slice(1)
    const words = messages.join(' ')
    if (fields.includes(name)) byField[name] = ours ?? withServerWords(i18n.t('errors.fieldInvalid', {}), words, i18n)
    else others.push(ours ?? withServerWords(i18n.t('errors.invalid', {}), words, i18n))
  }
  const message =
    others.length > 0
      ? others.join(' ')
      : Object.keys(byField).length > 0
        ? ''
        : describeError(error, i18n)
  return { byField, message }
}

function ourWords(problem: ProblemDetails, i18n: Translator): string | undefined {
  const code = problem.code
  if (code && code !== 'invalid' && i18n.te(`errors.${code}`))
    return i18n.t(`errors.${code}`, { detail: problem.detail ?? '' })
  const identityCodes = problem.identityCodes
  if (!Array.isArray(identityCodes) || identityCodes.length === 0) return undefined
  const keys = identityCodes.map((c) => `identity.${String(c)}`)
  return keys.every((key) => i18n.te(key)) ? keys.map((key) => i18n.t(key, {})).join(' ') : undefined
}

function refusalText(problem: ProblemDetails, i18n: Translator): string | undefined {
  const reason = problem.reason
  if (typeof reason !== 'string' || !reason || !i18n.te(`refusals.${reason}`)) return undefined
  const args = problem.args && typeof problem.args === 'object' ? (problem.args as Record<string, unknown>) : {}
  const named: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(args)) {
    // "untilUtc" is said as {until} (a date) or {untilTime} (a date and time), on the reader's clock.
    if (/Utc$/.test(name)) {
      const base = name.slice(0, -3)
      named[base] = formatDate(value, i18n.locale) ?? ''
      named[`${base}Time`] = formatDateTime(value, i18n.locale) ?? ''
    } else if (name === 'state' && typeof value === 'string' && i18n.te(`item.visitStates.${value}`)) {
      named.state = i18n.t(`item.visitStates.${value}`, {})
    } else {
      named[name] = value
    }
  }
  return i18n.t(`refusals.${reason}`, named)
}

// Who is busy and when, on the reader's clock: "李建国在 2026年5月1日 10:00 至 10:45 已有回访（2026-S-0012）…".
function clashText(clash: unknown, i18n: Translator): string | undefined {
  if (!clash || typeof clash !== 'object') return undefined
  const { name, startUtc, endUtc, itemNumber } = clash as Record<string, unknown>
  const start = formatDateTime(startUtc, i18n.locale)
  if (typeof name !== 'string' || !start) return undefined
  // The end on the same day reads as a time only.
  const sameDay = utcToWallTime(startUtc)?.slice(0, 10) === utcToWallTime(endUtc)?.slice(0, 10)
  const end = (sameDay ? formatTime(endUtc, i18n.locale) : formatDateTime(endUtc, i18n.locale)) ?? ''
  const item = typeof itemNumber === 'string' && itemNumber ? i18n.t('errors.visit_clash_item', { number: itemNumber }) : ''
  return i18n.t('errors.visit_clash_with', { name, start, end, item })
}

// The server sends UTC; shown in the reader's time zone (see time.ts).
export function formatUtc(value: unknown, locale: string): string | undefined {
  return formatDateTime(value, locale)
}
