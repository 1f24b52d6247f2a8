import { describe, expect, it } from 'vitest'
import { chineseTranslator } from '../testing'
import { describeEditConflict } from './editConflict'
import { ApiError } from './http'
import { formatUtc } from './problem'

// As EditConflict.cs sends it.
const conflict = new ApiError({
  status: 409,
  code: 'edit_conflict',
  detail: 'office saved this item at 2026-05-01 08:30 UTC after you opened it (isUrgent, handlingPlan differ from yours).',
  changedBy: '王敏',
  changedAtUtc: '2026-05-01T08:30:00',
  changes: [
    { field: 'isUrgent', yours: true, now: false },
    { field: 'handlingPlan', yours: '先调研再施工', now: null },
    { field: 'level', yours: 'City', now: 'District' },
  ],
  version: '5b0c6f3e-0000-0000-0000-000000000000',
})

describe('describeEditConflict', () => {
  it('says who saved first and when, in local time', () => {
    const described = describeEditConflict(conflict, chineseTranslator())
    expect(described?.message).toBe(`王敏 于 ${formatUtc('2026-05-01T08:30:00Z', 'zh-CN')} 保存了此件，晚于您打开的时间。`)
  })

  it('lists each field that differs, in words, with yours and the saved value', () => {
    expect(describeEditConflict(conflict, chineseTranslator())?.changes).toEqual([
      { field: '急事', yours: '是', now: '否' },
      { field: '办理方案', yours: '先调研再施工', now: '（空）' },
      { field: '层级', yours: '市级', now: '区级' },
    ])
  })

  it('still explains a conflict whose author and time are missing', () => {
    const bare = new ApiError({ status: 409, code: 'edit_conflict', changes: [] })
    expect(describeEditConflict(bare, chineseTranslator())).toEqual({
      message: '其他人 在您打开之后保存了此件。',
      changes: [],
    })
  })

  it('leaves other problems alone', () => {
    expect(describeEditConflict(new ApiError({ status: 409, code: 'not_now' }), chineseTranslator())).toBeUndefined()
    expect(describeEditConflict(new Error('boom'), chineseTranslator())).toBeUndefined()
  })
})
