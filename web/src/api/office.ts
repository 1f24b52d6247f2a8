import { http } from './http'
import type { ItemDetail, ItemKind, ItemLevel } from './items'
import type { Unit } from './admin'
import type { DirectoryEntry } from './submission'

// The office's actions (OfficeApi.cs) and what its forms choose from.

export interface PaperItem {
  sessionId?: number
  kind: ItemKind
  level: ItemLevel
  title: string
  body: string
  problem: string | null
  requests: string | null
  submitterDeputyId: number
  coSignerIds: number[]
}

export interface AssignInput {
  leadUnitId: number | null
  coUnitIds: number[]
  separateUnitIds: number[]
}

export interface ClassificationInput {
  isUrgent: boolean
  isTroublesome: boolean
  isDifficult: boolean
  isLongOverdue: boolean
  isKey: boolean
  handlingPlan: string | null
  level: ItemLevel
  version: string
}

export interface Session {
  id: number
  year: number
  name: string
  isCurrent: boolean
}

// The office's notification rules (NotificationPolicyApi.cs).
export interface NotificationPolicy {
  requireSmsForReminders: boolean
}

export const officeApi = {
  registerPaper: (item: PaperItem) => http.post<ItemDetail>('/api/office/items', item),
  register: (id: number) => http.post<ItemDetail>(`/api/items/${id}/register`),
  reject: (id: number, reason: string) => http.post<ItemDetail>(`/api/items/${id}/reject`, { reason }),
  assign: (id: number, input: AssignInput) => http.post<ItemDetail>(`/api/items/${id}/assign`, input),
  classify: (id: number, input: ClassificationInput) =>
    http.put<ItemDetail>(`/api/items/${id}/classification`, input),
  close: (id: number) => http.post<ItemDetail>(`/api/items/${id}/close`),
  decideReturn: (requestId: number, approve: boolean, note: string | null) =>
    http.post<ItemDetail>(`/api/returns/${requestId}/decision`, { approve, note }),
  decideExtension: (requestId: number, approve: boolean, note: string | null) =>
    http.post<ItemDetail>(`/api/extensions/${requestId}/decision`, { approve, note }),
  units: () => http.get<Unit[]>('/api/units'),
  sessions: () => http.get<Session[]>('/api/sessions'),
  // The deputies' directory across both bodies, searched by name, to name a paper item's signers.
  deputies: (q: string) =>
    http.get<DirectoryEntry[]>(`/api/deputies/directory?q=${encodeURIComponent(q)}`, { optional: true }),
  policy: () => http.get<NotificationPolicy>('/api/office/notification-policy'),
  savePolicy: (policy: NotificationPolicy) => http.put<NotificationPolicy>('/api/office/notification-policy', policy),
}
