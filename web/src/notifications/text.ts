import { categories, satisfactions } from '../api/items'
import type { AppNotification } from '../api/notifications'
import type { Translator } from '../api/problem'
import { visitMethods } from '../api/visits'
import { formatDate, formatDateTime } from '../time'

// The values a kind's full sentence needs; without them (older rows) its plain sentence is used.
const needs: Record<string, string[]> = {
  answered: ['unit', 'category'],
  followUp: ['unit', 'category'],
  returnRequested: ['unit'],
  extensionRequested: ['unit'],
  opinion: ['unit'],
  extended: ['due', 'reason'],
  extensionApproved: ['due'],
  evaluated: ['work', 'result'],
  rehandling: ['work', 'result'],
  visitInvited: ['start', 'method'],
  visitChanged: ['start'],
  visitReminder: ['start'],
  visitRoomOpen: ['start'],
  visitWaiting: ['start', 'waiting'],
  visitCancelled: ['start'],
  visitNoShow: ['start', 'missing'],
  visitRecordDue: ['start'],
  visitRecordSubmitted: ['start'],
  visitRecordConfirmed: ['start'],
  visitRecordRemarked: ['start', 'remark'],
  visitRequested: ['proposedTimes'],
  visitRequestDeclined: ['reason'],
  deadlineDigest: ['day'],
  officeDigest: ['day'],
}

// A visit moved or cancelled says why, when the lead unit gave a reason.
const withReason = new Set(['visit-changed', 'visit-cancelled'])
// A digest names at most this many items; the counts say the rest.
const listedItems = 10

// One sentence per notification, in the reader's language, from its `kind` and the values the server
// saved with it (item kinds: {number, title, extra}; visits and digests: their values at the top level).
// A kind this version does not know still says which item. A deputy reads some kinds from their own side.
export function notificationText(notification: AppNotification, i18n: Translator, forDeputy = false): string {
  const data = notification.data ?? {}
  const extra = { ...data, ...(data.extra ?? {}) } as Record<string, unknown>
  const kind = camel(notification.kind)
  const list = (value: unknown) => names(value).slice(0, listedItems).join(i18n.t('common.listSeparator', {}))
  const values: Record<string, unknown> = {
    item: itemName(data.number, data.title, i18n),
    unit: text(extra.unit),
    reason: text(extra.reason),
    note: text(extra.note),
    remark: text(extra.remark),
    due: formatDate(extra.dueAtUtc, i18n.locale) ?? '',
    category: label('categories', enumName(extra.category, categories), i18n),
    work: label('satisfaction', enumName(extra.work, satisfactions), i18n),
    result: label('satisfaction', enumName(extra.result, satisfactions), i18n),
    start: formatDateTime(extra.startUtc, i18n.locale) ?? '',
    method: label('visitMethods', enumName(extra.method, visitMethods), i18n),
    missing: list(extra.missing),
    waiting: list(extra.waiting),
    proposedTimes: text(extra.proposedTimes),
    day: dayText(extra.day, i18n.locale),
    dueSoonCount: count(extra.dueSoon),
    overdueCount: count(extra.overdue),
    commitments: count(extra.overdueCommitments),
  }
  const complete = (needs[kind] ?? []).every((name) => values[name])
  const key = [
    forDeputy && `notifications.deputyKinds.${kind}`,
    complete ? `notifications.kinds.${kind}` : `notifications.plainKinds.${kind}`,
    `notifications.kinds.${kind}`,
  ].find((k): k is string => !!k && i18n.te(k))
  let sentence = i18n.t(key ?? 'notifications.kinds.unknown', values)
  // A decision's note is worth reading in full; the server sends it only when the office wrote one.
  if (/-(approved|refused)$/.test(notification.kind) && values.note) sentence += i18n.t('notifications.note', values)
  if (withReason.has(notification.kind) && values.reason) sentence += i18n.t('notifications.reason', values)
  if (kind === 'deadlineDigest' || kind === 'officeDigest') {
    if (kind === 'deadlineDigest' && names(extra.dueSoon).length > 0)
      sentence += i18n.t('notifications.digestDueSoon', { list: list(extra.dueSoon) })
    if (names(extra.overdue).length > 0) sentence += i18n.t('notifications.digestOverdue', { list: list(extra.overdue) })
    const commitments = commitmentList(extra.overdueCommitments, i18n)
    if (commitments) sentence += i18n.t('notifications.digestCommitments', { list: commitments })
  }
  return sentence
}

// Where a notification leads: the visit for what a participant acts on (join, another time), the item
// for what the unit acts on, the lists for the digests.
export function notificationTarget(notification: AppNotification): string | undefined {
  const { kind, itemId, visitId } = notification
  if (kind === 'deadline-digest') return '/handler/inbox'
  if (kind === 'office-digest') return '/office/items?overdue=true'
  // Someone waits in the lobby: straight to the check before the call, the way in.
  if (kind === 'visit-waiting' && visitId) return `/visits/${visitId}/check`
  const unitsWork = kind === 'visit-no-show' || kind === 'visit-record-due' || kind.startsWith('visit-request')
  if (visitId && kind.startsWith('visit-') && !unitsWork) return `/visits/${visitId}`
  return itemId ? `/items/${itemId}` : undefined
}

export function itemName(number: string | null | undefined, title: string | undefined, i18n: Translator): string {
  const name = i18n.t('notifications.itemTitle', { title: title ?? '' })
  return number ? `${number} ${name}` : name
}

function camel(kind: string): string {
  return kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

// The server's notification data has carried enums as numbers (their position) as well as names.
function enumName(value: unknown, names: readonly string[]): string {
  return typeof value === 'number' ? (names[value] ?? String(value)) : text(value)
}

function label(group: string, name: string, i18n: Translator): string {
  const key = `item.${group}.${name}`
  return name && i18n.te(key) ? i18n.t(key, {}) : name
}

// Item numbers (or names) from a list; a commitment names its item.
function names(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value
    .map((entry) => (entry && typeof entry === 'object' ? text((entry as { number?: unknown }).number) : text(entry)))
    .filter((name) => name !== '')
}

// The overdue commitments a digest lists (item number, what was promised, when it was due); older digests sent a count.
function commitmentList(value: unknown, i18n: Translator): string {
  if (!Array.isArray(value)) return ''
  return value
    .slice(0, listedItems)
    .filter((c): c is Record<string, unknown> => !!c && typeof c === 'object')
    .map((c) => i18n.t('notifications.digestCommitment', { number: text(c.number), text: text(c.text), due: formatDate(c.dueAtUtc, i18n.locale) ?? '' }))
    .join(i18n.t('common.listSeparator', {}))
}

// A count sent as a number, or as the list it counts.
function count(value: unknown): string {
  return typeof value === 'number' ? String(value) : Array.isArray(value) ? String(value.length) : '0'
}

// The digest's day ("2026-05-01", the office's calendar day) in the reader's words, whatever their zone.
function dayText(value: unknown, locale: string): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null
  if (!match) return ''
  const day = Date.UTC(+match[1], +match[2] - 1, +match[3])
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day)
}
