import type { AuditEntry } from '../../api/items'
import type { Translator } from '../../api/problem'
import { formatDateTime } from '../../time'

// Reads an audit entry (JSON of the changed properties, before and after) as lines a person
// understands: field names and enum values in words, times local, ids as the names they stand for.

export interface AuditLine {
  field: string
  before?: string
  after: string
}

export interface AuditNames {
  units: ReadonlyMap<number, string>
  deputies: ReadonlyMap<number, string>
}

// Bookkeeping nobody reads; ids that name a unit or deputy are shown by name instead.
const hidden = new Set(['Id', 'ItemId', 'AuthorId', 'RequestedById', 'DecidedById', 'UploadedById', 'ScheduledById', 'AssignmentId', 'EvaluationId', 'ReHandlingId', 'VisitId', 'SessionId', 'UserId', 'StorageKey', 'Sha256', 'Sequence', 'RecordId', 'ConfirmedById', 'DoneById', 'CopiedFromId'])

// Which word list an enum field's values come from, by entity and field.
function valueGroup(entity: string, field: string): string | undefined {
  switch (field) {
    case 'State':
      return entity === 'Item' ? 'states'
        : entity === 'Assignment' ? 'assignmentStates'
        : entity === 'ReturnVisit' ? 'visitStates'
        : entity === 'VisitRecord' ? 'recordStates'
        : entity.endsWith('Request') ? 'requestStates'
        : undefined
    case 'Role':
      return entity === 'ItemSigner' ? 'signerRoles' : entity === 'Assignment' ? 'assignmentRoles' : undefined
    case 'Kind':
      return 'kinds'
    case 'Level':
      return 'levels'
    case 'Category':
      return 'categories'
    case 'Work':
    case 'Result':
      return 'satisfaction'
    case 'Phase':
      return 'visitPhases'
    case 'Method':
    case 'MethodUsed':
      return 'visitMethods'
    case 'Purpose':
      return 'purposes'
    default:
      return undefined
  }
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {}
  try {
    const value: unknown = JSON.parse(json)
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export function auditLines(entry: AuditEntry, names: AuditNames, i18n: Translator): AuditLine[] {
  const before = parse(entry.before)
  const after = parse(entry.after)
  const modified = entry.action === 'Modified'
  const fields = Object.keys(after).filter((field) => !hidden.has(field))
  const text = (field: string, value: unknown) => valueText(entry.entityType, field, value, names, i18n)
  return fields
    .filter((field) => modified || (after[field] !== null && after[field] !== '' && after[field] !== false))
    .map((field) => ({
      field: fieldName(field, i18n),
      ...(modified ? { before: text(field, before[field]) } : {}),
      after: text(field, after[field]),
    }))
}

export function entityName(entity: string, i18n: Translator): string {
  return i18n.te(`audit.entities.${entity}`) ? i18n.t(`audit.entities.${entity}`, {}) : entity
}

function fieldName(field: string, i18n: Translator): string {
  const name = field === 'UnitId' ? 'Unit' : field === 'LeadUnitId' ? 'LeadUnit' : field === 'OwnerUnitId' ? 'OwnerUnit' : field === 'DeputyId' ? 'Deputy' : field
  return i18n.te(`audit.fields.${name}`) ? i18n.t(`audit.fields.${name}`, {}) : field
}

function valueText(entity: string, field: string, value: unknown, names: AuditNames, i18n: Translator): string {
  if (value === null || value === undefined || value === '') return i18n.t('conflict.empty', {})
  if (typeof value === 'boolean') return i18n.t(value ? 'common.yes' : 'common.no', {})
  if ((field === 'UnitId' || field === 'LeadUnitId' || field === 'OwnerUnitId') && typeof value === 'number') return names.units.get(value) ?? `#${value}`
  if (field === 'ResponseId' && typeof value === 'number') return `#${value}`
  if (field === 'DeputyId' && typeof value === 'number') return names.deputies.get(value) ?? `#${value}`
  const group = valueGroup(entity, field)
  if (group && i18n.te(`item.${group}.${String(value)}`)) return i18n.t(`item.${group}.${String(value)}`, {})
  if (field.endsWith('Utc')) return formatDateTime(value, i18n.locale) ?? String(value)
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}
