import { http } from './http'
import type { RequestState } from './items'

// A deputy asks for a consultation on an item, or for another time for a visit (VisitRequestsApi.cs).
// The lead unit answers by scheduling a visit with the request's id, or declines with a reason.

export interface VisitRequest {
  id: number
  itemId: number
  itemNumber: string | null
  itemTitle: string
  // Set when the deputy asks for another time for this visit.
  visitId: number | null
  deputyName: string
  proposedTimes: string
  message: string | null
  state: RequestState
  requestedAtUtc: string
  // The reason given when declined.
  answer: string | null
}

export interface AskInput {
  proposedTimes: string
  message?: string | null
  visitId?: number | null
}

export const visitRequestsApi = {
  ask: (itemId: number, input: AskInput) => http.post<VisitRequest>(`/api/items/${itemId}/visit-requests`, input),
  // The deputy's own, the handler's unit's, or (office) all; the newest first.
  list: (pendingOnly = true) =>
    http.get<VisitRequest[]>(`/api/visit-requests?pendingOnly=${pendingOnly}`, { optional: true }),
  decline: (id: number, reason: string) => http.post<VisitRequest>(`/api/visit-requests/${id}/decline`, { reason }),
}
