import { http, queryString } from './http'
import type { ItemKind, ItemPage, VisitMethod } from './items'

// The shapes of src/Consultation/Review/*.cs. Rates are percentages with one decimal, null when nothing was counted.

export type ReviewTag = 'urgent' | 'troublesome' | 'difficult' | 'key' | 'longOverdue'
export const reviewTags: readonly ReviewTag[] = ['urgent', 'troublesome', 'difficult', 'key', 'longOverdue']
export const reviewKinds: readonly ItemKind[] = ['Suggestion', 'Proposal', 'Express']

export interface ReviewFilter {
  session?: number
  kind?: ItemKind
  unit?: number
  tag?: ReviewTag
  from?: string
  to?: string
}

export interface VisitCounts {
  method: VisitMethod
  scheduled: number
  held: number
  noShow: number
  cancelled: number
}

export interface Figures {
  unitId: number | null
  unitName: string | null
  received: number
  answered: number
  answeredOnTime: number
  onTimeRate: number | null
  contacted: number
  contactRate: number | null
  categoryA: number
  categoryB: number
  categoryC: number
  categoryD: number
  evaluated: number
  satisfied: number
  basicallySatisfied: number
  dissatisfied: number
  satisfactionRate: number | null
  firstEvaluated: number
  firstSatisfied: number
  firstTimeSatisfactionRate: number | null
  reHandlings: number
  visitsScheduled: number
  visitsHeld: number
  visitsNoShow: number
  visitsCancelled: number
  visitsByMethod: VisitCounts[]
  overdue: number
  overdueCommitments: number
  longOverdueDifficult: number
}

export interface FiguresResult {
  overall: Figures
  units: Figures[]
}

export interface MonthRow {
  month: string
  received: number
  answered: number
  visitsHeld: number
}

export interface KindSummary {
  kind: ItemKind
  received: number
  answered: number
  urgent: number
  troublesome: number
  difficult: number
  key: number
  longOverdue: number
}

export interface AnnualSummary {
  sessionId: number
  year: number
  sessionName: string
  unitName: string | null
  kinds: KindSummary[]
  figures: Figures
}

export type ExportTable = 'units' | 'items'
export type ExportFormat = 'csv' | 'xlsx'

const q = (filter: ReviewFilter, more: Record<string, string | number | undefined> = {}) => queryString({ ...filter, ...more })

export const reviewApi = {
  figures: (filter: ReviewFilter) => http.get<FiguresResult>(`/api/review/figures${q(filter)}`),
  trend: (filter: ReviewFilter) => http.get<MonthRow[]>(`/api/review/trend${q(filter)}`),
  items: (filter: ReviewFilter, figure: string, method: VisitMethod | undefined, page: number) =>
    http.get<ItemPage>(`/api/review/items${q(filter, { figure, method, page })}`),
  summary: (filter: ReviewFilter) => http.get<AnnualSummary>(`/api/review/summary${q(filter)}`),
  exportUrl: (table: ExportTable, format: ExportFormat, filter: ReviewFilter, more: Record<string, string | undefined> = {}) =>
    `/api/review/export/${table}.${format}${q(filter, more)}`,
}
