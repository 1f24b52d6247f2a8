import { http } from './http'

// The notification centre (src/Consultation/Notifications). `data` holds what the text of `kind` needs.

export type NotificationKind =
  | 'submitted'
  | 'cosign-requested'
  | 'registered'
  | 'rejected'
  | 'assigned'
  | 'return-requested'
  | 'return-approved'
  | 'return-refused'
  | 'extension-requested'
  | 'extension-approved'
  | 'extension-refused'
  | 'extended'
  | 'opinion'
  | 'answered'
  | 'follow-up'
  | 'evaluated'
  | 'rehandling'
  | 'closed'
  // From the deadline watch and the visits.
  | 'due-soon'
  | 'overdue'
  | 'visit-scheduled'
  | 'visit-cancelled'

export interface NotificationData {
  number?: string | null
  title?: string
  extra?: Record<string, unknown> | null
  // Visit notifications (visit-scheduled, visit-cancelled…) say when the visit is.
  startUtc?: string
}

export interface AppNotification {
  id: number
  kind: NotificationKind | string
  data: NotificationData | null
  itemId: number | null
  visitId: number | null
  createdAtUtc: string
  read: boolean
}

export interface NotificationPage {
  items: AppNotification[]
  unread: number
  total: number
}

export const notificationsApi = {
  list: (page = 1, unreadOnly = false) =>
    http.get<NotificationPage>(`/api/notifications?page=${page}&unreadOnly=${unreadOnly}`),
  read: (id: number) => http.post<void>(`/api/notifications/${id}/read`),
  readAll: () => http.post<void>('/api/notifications/read-all'),
}
