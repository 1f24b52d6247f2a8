import type { AgendaEntry, PersonAgenda } from '../api/visits'
import { defaultTimeZone, utcMillis, utcToWallTime, wallTimeToUtc } from '../time'

// The scheduling dialog shows each chosen person's other visits on the chosen day, so the handler sees a
// clash before the server refuses it.

export interface AgendaPerson {
  // "deputy:<id>" or "user:<id>", as the server names people in /api/visits/agenda.
  key: string
  // As the dialog shows them ("李建国（领衔人）"): the server names only people who have visits that day.
  label: string
}

export interface AgendaRowEntry extends AgendaEntry {
  clash: boolean
}

export interface AgendaRow {
  key: string
  label: string
  entries: AgendaRowEntry[]
  clash: boolean
}

export interface Span {
  start: number
  end: number
}

// Midnight to midnight of a calendar day ("YYYY-MM-DD") on the clock of `zone`.
export function daySpan(day: string, zone: string): Span {
  const [y, m, d] = day.split('-').map(Number)
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
  return { start: Date.parse(wallTimeToUtc(day, zone)), end: Date.parse(wallTimeToUtc(next, zone)) }
}

// The server reads `day` in the office's zone; a reader in another zone needs the one or two office days
// that cover their own day.
export function officeDaysFor(day: string, zone: string, officeZone = defaultTimeZone): string[] {
  const span = daySpan(day, zone)
  const first = utcToWallTime(span.start, officeZone)!.slice(0, 10)
  const last = utcToWallTime(span.end - 1, officeZone)!.slice(0, 10)
  return first === last ? [first] : [first, last]
}

// One row per chosen person, in the order given: their visits that overlap the day, earliest first, each
// marked when it overlaps the chosen time. The visit being moved is not its own clash.
export function agendaRows(
  people: readonly AgendaPerson[],
  answers: readonly PersonAgenda[],
  day: Span,
  chosen?: Span,
  movingVisitId?: number,
): AgendaRow[] {
  return people.map(({ key, label }) => {
    const seen = new Set<number>()
    const entries = answers
      .filter((answer) => answer.person === key)
      .flatMap((answer) => answer.visits)
      .filter((visit) => {
        if (visit.visitId === movingVisitId || seen.has(visit.visitId)) return false
        seen.add(visit.visitId)
        return overlaps(span(visit), day)
      })
      .sort((a, b) => span(a).start - span(b).start)
      .map((visit) => ({ ...visit, clash: chosen !== undefined && overlaps(span(visit), chosen) }))
    return { key, label, entries, clash: entries.some((e) => e.clash) }
  })
}

function span(visit: AgendaEntry): Span {
  return { start: utcMillis(visit.startUtc) ?? 0, end: utcMillis(visit.endUtc) ?? 0 }
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && a.end > b.start
}

// The ids the agenda endpoint takes, from the people's keys.
export function idsOf(people: readonly AgendaPerson[]): { deputyIds: number[]; userIds: number[] } {
  const ids = (prefix: string) =>
    people.filter((p) => p.key.startsWith(prefix)).map((p) => Number(p.key.slice(prefix.length)))
  return { deputyIds: ids('deputy:'), userIds: ids('user:') }
}
