import type { LocationQuery } from 'vue-router'
import { reviewKinds, reviewTags, type ReviewFilter, type ReviewTag } from '../../api/review'
import type { ItemKind, VisitMethod } from '../../api/items'

// The review's filters live in the address, like the office's item list, so a dashboard, a drill-down or a
// summary can be bookmarked and shared with the same filters.

function one(value: LocationQuery[string]): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  return first ?? undefined
}

function positive(value: LocationQuery[string]): number | undefined {
  const n = Number(one(value))
  return Number.isInteger(n) && n > 0 ? n : undefined
}

function pick<T extends string>(value: LocationQuery[string], allowed: readonly T[]): T | undefined {
  const text = one(value)
  return allowed.includes(text as T) ? (text as T) : undefined
}

const day = /^\d{4}-\d{2}-\d{2}$/

export function reviewFilterFromQuery(query: LocationQuery): ReviewFilter {
  const from = one(query.from)
  const to = one(query.to)
  return {
    session: positive(query.session),
    kind: pick<ItemKind>(query.kind, reviewKinds),
    unit: positive(query.unit),
    tag: pick<ReviewTag>(query.tag, reviewTags),
    from: from && day.test(from) ? from : undefined,
    to: to && day.test(to) ? to : undefined,
  }
}

export function queryFromReviewFilter(filter: ReviewFilter, more: Record<string, string | undefined> = {}): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [name, value] of Object.entries({ ...filter, ...more })) {
    if (value !== undefined && value !== null && value !== '') query[name] = String(value)
  }
  return query
}

export const visitMethods: readonly VisitMethod[] = ['Video', 'Phone', 'InPerson']

// The drill-down's own choices: which figure, and for a visit figure, which method.
export function drillFromQuery(query: LocationQuery): { figure: string; method?: VisitMethod; page: number } {
  return {
    figure: one(query.figure) ?? 'received',
    method: pick<VisitMethod>(query.method, visitMethods),
    page: positive(query.page) ?? 1,
  }
}
