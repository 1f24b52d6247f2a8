import type { AnnualSummary, KindSummary } from '../../api/review'
import { formatRate } from './figureCatalogue'

// The annual summary in the words the office publishes, one paragraph per subject, from the i18n templates
// under summary.* (both languages). A sentence whose subject is absent (no proposals, no evaluations) is left out.

type Translate = (key: string, values?: Record<string, unknown>) => string

const none: KindSummary = { kind: 'Suggestion', received: 0, answered: 0, urgent: 0, troublesome: 0, difficult: 0, key: 0, longOverdue: 0 }

export function summaryParagraphs(s: AnnualSummary, t: Translate): string[] {
  const kind = (k: KindSummary['kind']) => s.kinds.find((x) => x.kind === k) ?? { ...none, kind: k }
  const all = s.kinds.reduce(
    (sum, k) => ({
      received: sum.received + k.received,
      answered: sum.answered + k.answered,
      urgent: sum.urgent + k.urgent,
      troublesome: sum.troublesome + k.troublesome,
      difficult: sum.difficult + k.difficult,
      key: sum.key + k.key,
      longOverdue: sum.longOverdue + k.longOverdue,
    }),
    { received: 0, answered: 0, urgent: 0, troublesome: 0, difficult: 0, key: 0, longOverdue: 0 },
  )
  const f = s.figures
  const paragraphs: string[] = []
  const received = t('summary.received', {
    year: s.year,
    suggestions: kind('Suggestion').received,
    proposals: kind('Proposal').received,
  })
  const express = kind('Express').received > 0 ? t('summary.express', { n: kind('Express').received }) : ''
  const answered =
    all.received > 0 && all.answered === all.received
      ? t('summary.allAnswered')
      : t('summary.answered', { n: all.answered, open: all.received - all.answered })
  paragraphs.push(received + express + answered)
  paragraphs.push(
    t('summary.tags', { urgent: all.urgent, troublesome: all.troublesome, difficult: all.difficult, key: all.key, longOverdue: all.longOverdue }),
  )
  if (f.answered > 0) {
    paragraphs.push(
      t('summary.categories', { a: f.categoryA, b: f.categoryB, c: f.categoryC, d: f.categoryD, onTime: formatRate(f.onTimeRate) }),
    )
  }
  if (f.evaluated > 0) {
    paragraphs.push(
      t('summary.satisfaction', {
        rate: formatRate(f.satisfactionRate),
        first: formatRate(f.firstTimeSatisfactionRate),
        reHandlings: f.reHandlings,
      }),
    )
  }
  const video = f.visitsByMethod.find((v) => v.method === 'Video')?.held ?? 0
  paragraphs.push(t('summary.visits', { video, held: f.visitsHeld, contact: formatRate(f.contactRate) }))
  if (f.overdue > 0 || f.overdueCommitments > 0) {
    paragraphs.push(t('summary.overdue', { overdue: f.overdue, commitments: f.overdueCommitments }))
  }
  return paragraphs
}
