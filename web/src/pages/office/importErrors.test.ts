import { describe, expect, it } from 'vitest'
import type { ImportLineError } from '../../api/imports'
import { chineseTranslator, translatorOf } from '../../testing'
import en from '../../i18n/en'
import zhCN from '../../i18n/zh-CN'
import { importErrorText } from './importErrors'

const english = translatorOf(en, 'en')

const lineError = (code: string, args: Record<string, string>, line = 3, message = 'In English.'): ImportLineError => ({
  line,
  field: 'kind',
  message,
  code,
  args,
})

// Every code of a line error, as ImportPlan.cs (the one file that makes them) writes it.
function lineErrorCodes() {
  const sources = import.meta.glob('../../../../src/Consultation/Items/ImportPlan.cs', { query: '?raw', import: 'default', eager: true })
  return new Set(Object.values(sources as Record<string, string>).flatMap((source) => [...source.matchAll(/"(import_[a-z_]+)"/g)].map((m) => m[1])))
}

describe('import line errors', () => {
  it('says a wrong kind in Chinese, naming the column and the text found', () => {
    const text = importErrorText(lineError('import_kind_unknown', { column: '类别', text: '意见' }), chineseTranslator())
    expect(text).toBe('“类别”填写的“意见”不是件的类别：请填写建议、提案或督办直通车。')
  })

  it('says a taken number with the title of the item that has it', () => {
    const error = lineError('import_number_taken', { column: '编号', number: '2026-S-0001', title: '关于缓解学校周边停车难的建议' })
    expect(importErrorText(error, chineseTranslator())).toBe(
      '“编号”中的 2026-S-0001 已是本次会议“关于缓解学校周边停车难的建议”的编号：请更正，或留空由系统另行编号。',
    )
  })

  it("names the kind of item and the deputies' bodies in the reader's words", () => {
    const error = lineError('import_submitter_other_body', {
      column: '领衔人', name: '李建国', body: 'PeoplesCongress', kind: 'Proposal', expectedBody: 'Cppcc',
    })
    expect(importErrorText(error, chineseTranslator())).toBe('“领衔人”中的“李建国”是人大代表，而提案应由政协委员提出：请核对姓名和类别。')
    expect(importErrorText(error, english)).toBe(
      "领衔人 '李建国' is a People's Congress deputy, but a Proposal comes from a CPPCC member: check the name and the 类别.",
    )
  })

  it('says where a missing column goes, on the line of the error', () => {
    const error = lineError('import_column_missing', { column: '领衔人' }, 1)
    expect(importErrorText(error, chineseTranslator())).toBe('缺少“领衔人”列：请在第 1 行（列名行）加上这一列。')
  })

  it("keeps the server's words for a code it has no words for", () => {
    const error = lineError('import_brand_new_rule', { column: '类别' }, 2, '类别 is not allowed on Sundays.')
    expect(importErrorText(error, chineseTranslator())).toBe('类别 is not allowed on Sundays.')
  })

  it('has a Chinese and an English text for every code a line error can carry', () => {
    const codes = lineErrorCodes()
    expect(codes.size).toBeGreaterThan(15)
    const problems = [zhCN.import.problems, en.import.problems] as Record<string, string>[]
    expect([...codes].filter((code) => problems.some((texts) => !(code in texts)))).toEqual([])
  })
})
