// Why the hub refused a join, from its HubException text (CallHub.Join and CallHubEnding), so the page can say
// what to do next in the reader's language.

export type Refusal = 'notParticipant' | 'notYet' | 'closed' | 'ended' | 'full' | 'notVideo' | 'unreachable' | 'other'

const phrases: [string, Refusal][] = [
  ['not a participant', 'notParticipant'],
  ['opens at', 'notYet'],
  ['has closed', 'closed'],
  ['has ended', 'ended'],
  ['is full', 'full'],
  ['not a video visit', 'notVideo'],
]

export function refusalOf(error: unknown): Refusal {
  const message = error instanceof Error ? error.message : String(error)
  if (!message.includes('HubException')) return message.includes('invoking') ? 'other' : 'unreachable'
  return phrases.find(([phrase]) => message.includes(phrase))?.[1] ?? 'other'
}
