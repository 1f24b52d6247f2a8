import type { Figures } from '../../api/review'

// The dashboard's figure cards: what each shows and which items its drill-down lists. The definitions (the
// tooltips, review.figures.<key>.help in the i18n files) say the same as the comments in src/Consultation/Review.

export interface FigureCard {
  key: string
  // The drill-down figure (ReviewDrill on the server).
  drill: string
  value: (f: Figures) => number | null
  // For a rate, the counts it is made of: "part / whole".
  parts?: (f: Figures) => [number, number]
  rate?: boolean
  // Red when above zero: things that need the office's attention.
  alarm?: boolean
}

export const figureCards: readonly FigureCard[] = [
  { key: 'received', drill: 'received', value: (f) => f.received },
  { key: 'answered', drill: 'answered', value: (f) => f.answered },
  { key: 'onTimeRate', drill: 'late', value: (f) => f.onTimeRate, parts: (f) => [f.answeredOnTime, f.answered], rate: true },
  { key: 'contactRate', drill: 'notContacted', value: (f) => f.contactRate, parts: (f) => [f.contacted, f.answered], rate: true },
  { key: 'categoryA', drill: 'categoryA', value: (f) => f.categoryA },
  { key: 'categoryB', drill: 'categoryB', value: (f) => f.categoryB },
  { key: 'categoryC', drill: 'categoryC', value: (f) => f.categoryC },
  { key: 'categoryD', drill: 'categoryD', value: (f) => f.categoryD },
  {
    key: 'satisfactionRate',
    drill: 'dissatisfied',
    value: (f) => f.satisfactionRate,
    parts: (f) => [f.satisfied + f.basicallySatisfied, f.evaluated],
    rate: true,
  },
  {
    key: 'firstTimeSatisfactionRate',
    drill: 'firstEvaluated',
    value: (f) => f.firstTimeSatisfactionRate,
    parts: (f) => [f.firstSatisfied, f.firstEvaluated],
    rate: true,
  },
  { key: 'reHandlings', drill: 'reHandled', value: (f) => f.reHandlings },
  { key: 'overdue', drill: 'overdue', value: (f) => f.overdue, alarm: true },
  { key: 'overdueCommitments', drill: 'overdueCommitments', value: (f) => f.overdueCommitments, alarm: true },
  { key: 'longOverdueDifficult', drill: 'longOverdueDifficult', value: (f) => f.longOverdueDifficult, alarm: true },
]

export const visitStates = ['scheduled', 'held', 'noShow', 'cancelled'] as const
export type VisitStateKey = (typeof visitStates)[number]

export const visitDrill: Record<VisitStateKey, string> = {
  scheduled: 'visitsScheduled',
  held: 'visitsHeld',
  noShow: 'visitsNoShow',
  cancelled: 'visitsCancelled',
}

// "66.7%" or "—" when there was nothing to count.
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${rate.toFixed(1)}%`
}
