import type { Me } from '../api/account'
import type { Participant, ParticipantRole, Visit } from '../api/visits'

// The deputy's side first, then the units, then the office: the order a visit's people are shown in.
const order: ParticipantRole[] = ['Submitter', 'CoSigner', 'LeadUnit', 'CoUnit', 'Office']

export function sortedParticipants(participants: readonly Participant[]): Participant[] {
  return [...participants].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
}

// Only the submitter asks the unit for another time (VisitRequestsApi.Ask), and only before the visit.
export function mayAskForAnotherTime(visit: Visit, me: Me | null, upcoming: boolean): boolean {
  const deputyId = me?.deputyId
  return (
    upcoming &&
    visit.state === 'Scheduled' &&
    deputyId != null &&
    me!.roles.includes('Deputy') &&
    visit.participants.some((p) => p.role === 'Submitter' && p.deputyId === deputyId)
  )
}
