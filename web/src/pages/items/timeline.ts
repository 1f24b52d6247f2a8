import type { ItemDetail } from '../../api/items'

// The deputy's progress checklist: every dated step of the item, oldest first. Each step is an i18n
// key under `timeline.` and the values its text needs (enums still as codes, dates as UTC).
export interface TimelineStep {
  atUtc: string
  key: string
  values: Record<string, string>
  type: 'primary' | 'success' | 'warning' | 'danger' | 'info'
}

export function progressTimeline(item: ItemDetail): TimelineStep[] {
  const steps: TimelineStep[] = []
  const add = (atUtc: string | null | undefined, key: string, values: Record<string, string> = {}, type: TimelineStep['type'] = 'primary') => {
    if (atUtc) steps.push({ atUtc, key, values, type })
  }

  add(item.submittedAtUtc, 'submitted')
  add(item.registeredAtUtc, 'registered', { number: item.number ?? '' })
  for (const a of item.assignments) add(a.assignedAtUtc, 'assigned', { unit: a.unitName, role: a.role })
  for (const p of item.progress) add(p.atUtc, 'progress', { unit: p.unitName, text: p.text })
  for (const r of item.unitRequests) {
    if (r.kind === 'extension' && r.state === 'Approved' && r.requestedDueAtUtc)
      add(r.requestedAtUtc, 'extended', { unit: r.unitName, due: r.requestedDueAtUtc, reason: r.reason }, 'warning')
  }
  for (const v of item.visits) {
    if (v.state === 'Held') add(v.startUtc, 'visit', { method: v.method, phase: v.phase }, 'success')
  }
  for (const r of item.responses) {
    add(r.answeredAtUtc, r.isFollowUp ? 'followUp' : 'answered', { unit: r.unitName, category: r.category }, 'success')
    for (const e of r.evaluations)
      add(e.evaluatedAtUtc, 'evaluated', { name: e.deputyName, work: e.work, result: e.result }, e.work === 'Dissatisfied' || e.result === 'Dissatisfied' ? 'danger' : 'success')
  }
  for (const h of item.reHandlings) add(h.openedAtUtc, 'reHandling', { due: h.dueAtUtc }, 'warning')
  add(item.closedAtUtc, 'closed', {}, 'info')

  // Same instant: keep the order added above (submission before registration, answer before evaluation).
  return steps
    .map((step, index) => ({ step, index, at: Date.parse(/(Z|[+-]\d\d:?\d\d)$/i.test(step.atUtc) ? step.atUtc : `${step.atUtc}Z`) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ step }) => step)
}
