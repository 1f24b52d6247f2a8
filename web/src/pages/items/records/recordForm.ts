import type { VisitMethod } from '../../../api/items'
import type { Commitment, RecordInput, VisitRecord, VisitRecords } from '../../../api/visitRecords'
import { utcToWallTime, wallTimeToUtc } from '../../../time'

// The record form (write, edit a draft, amend a confirmed record) and how commitments read afterwards.

export type RecordMode = 'write' | 'edit' | 'amend'

export interface CommitmentRow {
  // The commitment kept from the draft, or carried forward from the amended record.
  id?: number
  text: string
  ownerUnitId?: number
  // A date on the reader's calendar, "YYYY-MM-DD".
  due: string
  // The stored due time, sent back unchanged while the date is not changed.
  dueAtUtc?: string
  done: boolean
}

export interface RecordFields {
  methodUsed: VisitMethod
  participants: string
  deputyOpinion: string
  explained: string
  commitments: CommitmentRow[]
}

// A commitment is due at the end of its day on the reader's clock.
const endOfDay = '23:59'

export function dateOf(utc: string): string {
  return (utcToWallTime(utc) ?? '').slice(0, 10)
}

export function initialFields(visit: VisitRecords, mode: RecordMode, record: VisitRecord | undefined, separator: string): RecordFields {
  if (mode === 'write' || !record)
    return {
      methodUsed: visit.draft?.methodUsed ?? visit.method,
      participants: (visit.draft?.people ?? []).join(separator),
      deputyOpinion: '',
      explained: '',
      commitments: [],
    }
  return {
    methodUsed: record.methodUsed,
    participants: record.participants,
    deputyOpinion: record.deputyOpinion,
    explained: record.explained ?? '',
    commitments: record.commitments.map((c) => ({
      id: c.id,
      text: c.text,
      ownerUnitId: c.ownerUnitId,
      due: dateOf(c.dueAtUtc),
      dueAtUtc: c.dueAtUtc,
      done: c.doneAtUtc !== null,
    })),
  }
}

export function newCommitment(leadUnitId: number | undefined): CommitmentRow {
  return { text: '', ownerUnitId: leadUnitId, due: '', done: false }
}

export function toInput(fields: RecordFields, version?: string): RecordInput {
  return {
    methodUsed: fields.methodUsed,
    participants: fields.participants.trim(),
    deputyOpinion: fields.deputyOpinion.trim(),
    explained: fields.explained.trim() === '' ? null : fields.explained.trim(),
    commitments: fields.commitments.map((row) => ({
      ...(row.id === undefined ? {} : { id: row.id }),
      text: row.text.trim(),
      ownerUnitId: row.ownerUnitId ?? 0,
      dueAtUtc: row.dueAtUtc && dateOf(row.dueAtUtc) === row.due ? row.dueAtUtc : wallTimeToUtc(`${row.due} ${endOfDay}`),
    })),
    ...(version ? { version } : {}),
  }
}

// What is wrong with one commitment row, as a key under `visitRecord.errors`; `today` is "YYYY-MM-DD" on the reader's calendar.
export function commitmentProblem(row: CommitmentRow, today: string): string | undefined {
  if (row.text.trim().length < 2) return 'commitmentText'
  if (!row.ownerUnitId) return 'commitmentOwner'
  if (!row.due) return 'commitmentDue'
  const unchanged = row.dueAtUtc !== undefined && dateOf(row.dueAtUtc) === row.due
  if (!unchanged && row.due < today) return 'commitmentDuePast'
  return undefined
}

export type CommitmentStatus = 'done' | 'overdue' | 'open' | 'replaced' | 'pending'

// Only the commitments of a visit's current record are tracked; a draft's or an unconfirmed amendment's are
// pending, and those of a record an amendment replaced are shown as replaced.
export function commitmentStatus(c: Commitment, record: VisitRecord): CommitmentStatus {
  if (c.doneAtUtc) return 'done'
  if (c.overdue) return 'overdue'
  if (c.tracked) return 'open'
  return record.state === 'Confirmed' ? 'replaced' : 'pending'
}

export interface OverdueCommitment extends Commitment {
  visitStartUtc: string
}

// The item's overdue commitments across its visits, the longest overdue first.
export function overdueCommitments(visits: VisitRecords[]): OverdueCommitment[] {
  return visits
    .flatMap((v) => v.records.flatMap((r) => r.commitments.filter((c) => c.overdue).map((c) => ({ ...c, visitStartUtc: v.startUtc }))))
    .sort((a, b) => a.dueAtUtc.localeCompare(b.dueAtUtc))
}
