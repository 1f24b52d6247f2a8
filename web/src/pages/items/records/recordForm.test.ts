import { afterEach, describe, expect, it } from 'vitest'
import { setTimeZone } from '../../../time'
import { commitmentProblem, commitmentStatus, initialFields, overdueCommitments, toInput } from './recordForm'
import { commitment, record, visit } from './testRecords'

afterEach(() => setTimeZone('Asia/Shanghai'))

describe('the record form', () => {
  it('starts a new record from who took part and the method the server suggests after a failed video visit', () => {
    const fields = initialFields(visit(), 'write', undefined, '、')
    expect(fields.participants).toBe('李建国、王明 (市交通运输局)')
    expect(fields.methodUsed).toBe('Phone')
    expect(fields.commitments).toEqual([])
  })

  it('sends a kept commitment with its stored due time, and a new date as the end of that day on the reader clock', () => {
    const fields = initialFields(visit(), 'amend', record(), '、')
    expect(fields.commitments[0].due).toBe('2026-04-20')
    fields.commitments.push({ text: ' 增设潮汐车道 ', ownerUnitId: 2, due: '2026-06-01', done: false })
    const input = toInput(fields)
    expect(input.commitments).toEqual([
      { id: 5, text: '施划临时停车位', ownerUnitId: 2, dueAtUtc: '2026-04-20T10:00:00Z' },
      { text: '增设潮汐车道', ownerUnitId: 2, dueAtUtc: '2026-06-01T15:59:00.000Z' },
    ])
    expect(input.version).toBeUndefined()
  })

  it('moves a kept commitment when its date changes', () => {
    const fields = initialFields(visit(), 'edit', record({ state: 'Draft' }), '、')
    fields.commitments[0].due = '2026-05-02'
    expect(toInput(fields, 'v9').commitments[0].dueAtUtc).toBe('2026-05-02T15:59:00.000Z')
    expect(toInput(fields, 'v9').version).toBe('v9')
  })

  it('asks for text, an owner and a due date from today on, but lets a kept past date stand', () => {
    const today = '2026-05-01'
    expect(commitmentProblem({ text: ' ', ownerUnitId: 2, due: '2026-06-01', done: false }, today)).toBe('commitmentText')
    expect(commitmentProblem({ text: '施划', ownerUnitId: undefined, due: '2026-06-01', done: false }, today)).toBe('commitmentOwner')
    expect(commitmentProblem({ text: '施划', ownerUnitId: 2, due: '', done: false }, today)).toBe('commitmentDue')
    expect(commitmentProblem({ text: '施划', ownerUnitId: 2, due: '2026-04-30', done: false }, today)).toBe('commitmentDuePast')
    expect(commitmentProblem({ text: '施划', ownerUnitId: 2, due: '2026-05-01', done: false }, today)).toBeUndefined()
    const kept = initialFields(visit(), 'amend', record(), '、').commitments[0]
    expect(commitmentProblem(kept, today)).toBeUndefined()
  })
})

describe('commitments afterwards', () => {
  it('reads done, overdue, open, not yet tracked and replaced', () => {
    expect(commitmentStatus(commitment({ doneAtUtc: '2026-04-10T00:00:00Z' }), record())).toBe('done')
    expect(commitmentStatus(commitment({ overdue: true }), record())).toBe('overdue')
    expect(commitmentStatus(commitment(), record())).toBe('open')
    expect(commitmentStatus(commitment({ tracked: false }), record({ state: 'Draft' }))).toBe('pending')
    expect(commitmentStatus(commitment({ tracked: false }), record())).toBe('replaced')
  })

  it("lists an item's overdue commitments across its visits, the longest overdue first", () => {
    const late = commitment({ id: 1, overdue: true, dueAtUtc: '2026-04-25T00:00:00Z' })
    const later = commitment({ id: 2, overdue: true, dueAtUtc: '2026-04-10T00:00:00Z' })
    const all = overdueCommitments([
      visit({ records: [record({ commitments: [late, commitment({ id: 3 })] })] }),
      visit({ visitId: 4, startUtc: '2026-04-05T01:00:00Z', records: [record({ id: 10, commitments: [later] })] }),
    ])
    expect(all.map((c) => [c.id, c.visitStartUtc])).toEqual([
      [2, '2026-04-05T01:00:00Z'],
      [1, '2026-04-01T01:00:00Z'],
    ])
  })
})
