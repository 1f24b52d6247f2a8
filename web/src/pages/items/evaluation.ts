import type { Satisfaction } from '../../api/items'

// DESIGN.md §3: "Dissatisfied" on either the work or the result needs a comment, and reopens the item.
export function isDissatisfied(work: Satisfaction | undefined, result: Satisfaction | undefined): boolean {
  return work === 'Dissatisfied' || result === 'Dissatisfied'
}

export function evaluationProblem(
  work: Satisfaction | undefined,
  result: Satisfaction | undefined,
  comment: string,
): 'workRequired' | 'resultRequired' | 'commentRequired' | undefined {
  if (!work) return 'workRequired'
  if (!result) return 'resultRequired'
  if (isDissatisfied(work, result) && comment.trim() === '') return 'commentRequired'
  return undefined
}
