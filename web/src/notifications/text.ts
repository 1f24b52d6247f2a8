import { categories, satisfactions } from '../api/items'
import type { AppNotification } from '../api/notifications'
import type { Translator } from '../api/problem'
import { formatDate, formatDateTime } from '../time'

// The values a kind's full sentence needs; without them (older rows, demo data) its plain sentence is used.
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
  visitScheduled: ['start'],
  visitCancelled: ['start'],
}

// One sentence per notification, in the reader's language, from its `kind` and the values the server
// saved with it ({number, title, extra}). A kind this version does not know still says which item.
// A deputy reads some kinds from their own side (their item was assigned, not "sign for it").
export function notificationText(notification: AppNotification, i18n: Translator, forDeputy = false): string {
  const data = notification.data ?? {}
  const extra = data.extra ?? {}
  const item = itemName(data.number, data.title, i18n)
  const kind = camel(notification.kind)
  const values: Record<string, unknown> = {
    item,
    unit: text(extra.unit),
    reason: text(extra.reason),
    note: text(extra.note),
    due: formatDate(extra.dueAtUtc, i18n.locale) ?? '',
    category: label('categories', enumName(extra.category, categories), i18n),
    work: label('satisfaction', enumName(extra.work, satisfactions), i18n),
    result: label('satisfaction', enumName(extra.result, satisfactions), i18n),
    // Visit notifications carry the visit's start beside the item's number and title.
    start: formatDateTime(data.startUtc ?? extra.startUtc, i18n.locale) ?? '',
  }
  const complete = (needs[kind] ?? []).every((name) => values[name])
  const key = [
    forDeputy && `notifications.deputyKinds.${kind}`,
    complete ? `notifications.kinds.${kind}` : `notifications.plainKinds.${kind}`,
    `notifications.kinds.${kind}`,
  ].find((k): k is string => !!k && i18n.te(k))
  const sentence = i18n.t(key ?? 'notifications.kinds.unknown', values)
  // A decision's note is worth reading in full; the server sends it only when the office wrote one.
  const decided = /-(approved|refused)$/.test(notification.kind)
  return decided && values.note ? `${sentence}${i18n.t('notifications.note', values)}` : sentence
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
