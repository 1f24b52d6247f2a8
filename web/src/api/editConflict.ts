import { ApiError } from './http'
import { formatUtc, type Translator } from './problem'

export interface ConflictChange {
  field: string
  yours: string
  now: string
}

export interface EditConflict {
  // Who saved first, and when; then what differs from what this person tried to save.
  message: string
  changes: ConflictChange[]
}

// The second of two people saving the same item is refused with what the first one changed
// (EditConflict.cs): say who, when and which fields, so the reader can reload and apply theirs again.
export function describeEditConflict(error: unknown, i18n: Translator): EditConflict | undefined {
  if (!(error instanceof ApiError) || error.code !== 'edit_conflict') return undefined
  const problem = error.problem
  const who = typeof problem.changedBy === 'string' && problem.changedBy ? problem.changedBy : i18n.t('conflict.someone', {})
  const when = formatUtc(problem.changedAtUtc, i18n.locale)
  const message = when
    ? i18n.t('conflict.savedBy', { who, when })
    : i18n.t('conflict.savedByNoTime', { who })
  const changes = (Array.isArray(problem.changes) ? problem.changes : []).map((change) => {
    const { field, yours, now } = change as { field: string; yours: unknown; now: unknown }
    return {
      field: i18n.te(`fields.${field}`) ? i18n.t(`fields.${field}`, {}) : field,
      yours: valueText(field, yours, i18n),
      now: valueText(field, now, i18n),
    }
  })
  return { message, changes }
}

function valueText(field: string, value: unknown, i18n: Translator): string {
  if (value === null || value === undefined || value === '') return i18n.t('conflict.empty', {})
  if (typeof value === 'boolean') return i18n.t(value ? 'common.yes' : 'common.no', {})
  if (field === 'level' && i18n.te(`item.levels.${String(value)}`)) return i18n.t(`item.levels.${String(value)}`, {})
  const text = String(value)
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}
