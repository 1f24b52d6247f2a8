import type { LocationQuery } from 'vue-router'
import { itemKinds, itemStates, itemTags, type ItemFilter, type ItemKind, type ItemState, type ItemTag } from '../../api/items'

// The office list's filters live in the address, so a filtered list can be bookmarked, shared and
// returned to with the back button.

export const pageSize = 20

function one(value: LocationQuery[string]): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  return first ?? undefined
}

function number(value: LocationQuery[string]): number | undefined {
  const n = Number(one(value))
  return Number.isInteger(n) && n > 0 ? n : undefined
}

function pick<T extends string>(value: LocationQuery[string], allowed: readonly T[]): T | undefined {
  const text = one(value)
  return allowed.includes(text as T) ? (text as T) : undefined
}

export function filterFromQuery(query: LocationQuery): ItemFilter {
  return {
    session: number(query.session),
    kind: pick<ItemKind>(query.kind, itemKinds),
    state: pick<ItemState>(query.state, itemStates),
    unit: number(query.unit),
    tag: pick<ItemTag>(query.tag, itemTags),
    key: one(query.key) === 'true' ? true : undefined,
    dueSoon: one(query.dueSoon) === 'true' ? true : undefined,
    overdue: one(query.overdue) === 'true' ? true : undefined,
    q: one(query.q)?.trim() || undefined,
    page: number(query.page) ?? 1,
    pageSize,
  }
}

export function queryFromFilter(filter: ItemFilter): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [name, value] of Object.entries(filter)) {
    if (name === 'pageSize' || value === undefined || value === null || value === '' || value === false) continue
    if (name === 'page' && value === 1) continue
    query[name] = String(value)
  }
  return query
}
