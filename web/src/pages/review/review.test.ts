import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zhCN from '../../i18n/zh-CN'
import en from '../../i18n/en'
import type { AnnualSummary, Figures } from '../../api/review'
import { categoryOption, satisfactionOption, trendOption } from './chartOptions'
import { countLines, fileNameOf } from './download'
import { figureCards, formatRate } from './figureCatalogue'
import { drillFromQuery, queryFromReviewFilter, reviewFilterFromQuery } from './reviewFilter'
import { summaryParagraphs } from './summaryText'

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })
const t = (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {})

const figures: Figures = {
  unitId: null, unitName: null, received: 5, answered: 3, answeredOnTime: 2, onTimeRate: 66.7, contacted: 2, contactRate: 66.7,
  categoryA: 1, categoryB: 1, categoryC: 1, categoryD: 0, evaluated: 3, satisfied: 2, basicallySatisfied: 1, dissatisfied: 0,
  satisfactionRate: 100, firstEvaluated: 3, firstSatisfied: 2, firstTimeSatisfactionRate: 66.7, reHandlings: 1,
  visitsScheduled: 1, visitsHeld: 3, visitsNoShow: 1, visitsCancelled: 1,
  visitsByMethod: [
    { method: 'Video', scheduled: 1, held: 1, noShow: 1, cancelled: 0 },
    { method: 'Phone', scheduled: 0, held: 1, noShow: 0, cancelled: 1 },
    { method: 'InPerson', scheduled: 0, held: 1, noShow: 0, cancelled: 0 },
  ],
  overdue: 1, overdueCommitments: 1, longOverdueDifficult: 1,
}

describe('review filters in the address', () => {
  it('keeps the valid filters and drops the rest', () => {
    const filter = reviewFilterFromQuery({ session: '3', kind: 'Proposal', unit: 'x', tag: 'key', from: '2026-01-01', to: '2026/02/01' })
    expect(filter).toEqual({ session: 3, kind: 'Proposal', unit: undefined, tag: 'key', from: '2026-01-01', to: undefined })
  })

  it('writes only what is set, with the drill-down choices', () => {
    expect(queryFromReviewFilter({ unit: 7, tag: undefined }, { figure: 'overdue', method: undefined })).toEqual({ unit: '7', figure: 'overdue' })
    expect(drillFromQuery({ figure: 'visitsHeld', method: 'Video', page: '2' })).toEqual({ figure: 'visitsHeld', method: 'Video', page: 2 })
    expect(drillFromQuery({ method: 'Fax' })).toEqual({ figure: 'received', method: undefined, page: 1 })
  })
})

describe('figures', () => {
  it('shows a rate with one decimal, and a dash when nothing was counted', () => {
    expect(formatRate(66.7)).toBe('66.7%')
    expect(formatRate(100)).toBe('100.0%')
    expect(formatRate(null)).toBe('—')
  })

  it('has a label and a definition for every card in both languages', () => {
    for (const card of figureCards) {
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(i18n.global.te(`review.figures.${card.key}.label`, locale)).toBe(true)
        expect(i18n.global.te(`review.figures.${card.key}.help`, locale)).toBe(true)
        expect(i18n.global.te(`review.drill.${card.drill}`, locale)).toBe(true)
      }
    }
  })
})

describe('charts', () => {
  it('take their words from the current language', () => {
    i18n.global.locale.value = 'zh-CN'
    const zh = trendOption([{ month: '2026-01', received: 2, answered: 1, visitsHeld: 2 }], t)
    expect(zh.series.map((s) => s.name)).toEqual(['交办', '答复', '已进行回访'])
    i18n.global.locale.value = 'en'
    const english = trendOption([{ month: '2026-01', received: 2, answered: 1, visitsHeld: 2 }], t)
    expect(english.series.map((s) => s.name)).toEqual(['Assigned', 'Answered', 'Visits held'])
    expect(english.series[0].data).toEqual([2])
    i18n.global.locale.value = 'zh-CN'
  })

  it('show the A–D mix and the rates by unit', () => {
    const pie = categoryOption(figures, t)
    expect(pie.series[0].data.map((d) => d.value)).toEqual([1, 1, 1, 0])
    expect(pie.series[0].data.map((d) => pie.series[0].label.formatter(d))).toEqual(['1', '1', '1', ''])
    const bars = satisfactionOption([{ ...figures, unitName: '市交通运输局' }], t)
    expect(bars.xAxis.data).toEqual(['市交通运输局'])
    expect(bars.series[0].data).toEqual([100])
    expect(bars.series[1].data).toEqual([66.7])
  })
})

describe('annual summary', () => {
  const summary: AnnualSummary = {
    sessionId: 1, year: 2026, sessionName: '市十六届人大五次会议', unitName: null, figures,
    kinds: [
      { kind: 'Suggestion', received: 4, answered: 4, urgent: 1, troublesome: 0, difficult: 0, key: 0, longOverdue: 0 },
      { kind: 'Proposal', received: 2, answered: 2, urgent: 0, troublesome: 0, difficult: 1, key: 1, longOverdue: 1 },
    ],
  }

  it('reads as the office publishes it, in Chinese', () => {
    i18n.global.locale.value = 'zh-CN'
    const text = summaryParagraphs(summary, t)
    expect(text[0]).toBe('2026 年共收到人大代表建议 4 件、政协提案 2 件，已全部办复。')
    expect(text).toContain('答复中，A 类 1 件、B 类 1 件、C 类 1 件、D 类 0 件；按时答复率 66.7%。')
    expect(text).toContain('开展屏对屏回访 1 次，各类回访共 3 次；答复前沟通率 66.7%。')
  })

  it('and in English, saying what is still open', () => {
    i18n.global.locale.value = 'en'
    const open = { ...summary, kinds: [{ ...summary.kinds[0], answered: 3 }, summary.kinds[1]] }
    const text = summaryParagraphs(open, t)
    expect(text[0]).toBe(
      "In 2026 we received 4 suggestions from people's congress deputies and 2 proposals from CPPCC members; 5 have been answered and 1 are still being handled.",
    )
    expect(text.some((p) => p.includes('satisfied or basically satisfied with 100.0%'))).toBe(true)
    i18n.global.locale.value = 'zh-CN'
  })
})

describe('export download', () => {
  it('counts lines as they arrive and reads the file name', () => {
    expect(countLines(new TextEncoder().encode('a,b\n1,2\n3,4\n'))).toBe(3)
    expect(fileNameOf('attachment; filename="items-overdue.xlsx"')).toBe('items-overdue.xlsx')
    expect(fileNameOf(null)).toBe('export')
  })
})
