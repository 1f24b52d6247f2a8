import { describe, expect, it } from 'vitest'
import type { PersonAgenda } from '../api/visits'
import { agendaRows, daySpan, idsOf, officeDaysFor } from './agenda'

const people = [
  { key: 'deputy:1', label: '李建国（领衔人）' },
  { key: 'user:3', label: '刘伟（本人）' },
]
const may1 = daySpan('2026-05-01', 'Asia/Shanghai')
const at = (iso: string) => Date.parse(iso)

describe('the agenda of the chosen day', () => {
  const answers: PersonAgenda[] = [
    {
      person: 'deputy:1',
      name: '李建国',
      visits: [
        { visitId: 9, startUtc: '2026-05-01T06:00:00Z', endUtc: '2026-05-01T06:45:00Z', itemNumber: '2026-S-0012' },
        { visitId: 2, startUtc: '2026-05-01T01:00:00Z', endUtc: '2026-05-01T01:30:00Z', itemNumber: '2026-S-0006' },
      ],
    },
    { person: 'user:3', name: '', visits: [] },
  ]

  it('lists each chosen person in order, with their visits that day earliest first', () => {
    const rows = agendaRows(people, answers, may1)
    expect(rows.map((r) => r.label)).toEqual(['李建国（领衔人）', '刘伟（本人）'])
    expect(rows[0].entries.map((e) => e.visitId)).toEqual([2, 9])
    expect(rows[1].entries).toEqual([])
    expect(rows.some((r) => r.clash)).toBe(false)
  })

  it('marks the visits that overlap the chosen time, and only those', () => {
    const chosen = { start: at('2026-05-01T06:30:00Z'), end: at('2026-05-01T07:00:00Z') }
    const [li, me] = agendaRows(people, answers, may1, chosen)
    expect(li.clash).toBe(true)
    expect(li.entries.map((e) => [e.visitId, e.clash])).toEqual([[2, false], [9, true]])
    expect(me.clash).toBe(false)
  })

  it('does not count a visit ending as the chosen time starts', () => {
    const chosen = { start: at('2026-05-01T06:45:00Z'), end: at('2026-05-01T07:15:00Z') }
    expect(agendaRows(people, answers, may1, chosen)[0].clash).toBe(false)
  })

  it('leaves out the visit being moved', () => {
    const chosen = { start: at('2026-05-01T06:30:00Z'), end: at('2026-05-01T07:00:00Z') }
    const [li] = agendaRows(people, answers, may1, chosen, 9)
    expect(li.entries.map((e) => e.visitId)).toEqual([2])
    expect(li.clash).toBe(false)
  })

  it("keeps only the reader's day when two office days were asked for, once each", () => {
    const berlin = daySpan('2026-05-01', 'Europe/Berlin')
    const twoDays: PersonAgenda[] = [
      { person: 'deputy:1', name: '李建国', visits: [{ visitId: 1, startUtc: '2026-04-30T20:00:00Z', endUtc: '2026-04-30T20:30:00Z', itemNumber: null }] },
      { person: 'deputy:1', name: '李建国', visits: [
        { visitId: 1, startUtc: '2026-04-30T20:00:00Z', endUtc: '2026-04-30T20:30:00Z', itemNumber: null },
        { visitId: 4, startUtc: '2026-04-30T23:00:00Z', endUtc: '2026-04-30T23:30:00Z', itemNumber: null },
      ] },
    ]
    expect(agendaRows(people, twoDays, berlin)[0].entries.map((e) => e.visitId)).toEqual([4])
  })
})

describe('which office days to ask for', () => {
  it("asks for the same day when the reader's zone is the office's", () => {
    expect(officeDaysFor('2026-05-01', 'Asia/Shanghai')).toEqual(['2026-05-01'])
  })

  it('asks for the two office days that cover a day in another zone', () => {
    // 1 May in Berlin (UTC+2) runs from 06:00 on 1 May to 06:00 on 2 May in Shanghai.
    expect(officeDaysFor('2026-05-01', 'Europe/Berlin')).toEqual(['2026-05-01', '2026-05-02'])
  })

  it('gives the ids by kind of person', () => {
    expect(idsOf([...people, { key: 'deputy:5', label: '王海燕' }])).toEqual({ deputyIds: [1, 5], userIds: [3] })
  })
})
