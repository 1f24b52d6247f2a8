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
  // A visit's scheduled work (VisitJobs.cs) and consultation requests (VisitRequestsApi.cs).
  | 'visit-invited'
  | 'visit-changed'
  | 'visit-reminder'
  | 'visit-room-open'
  | 'visit-waiting'
  | 'visit-cancelled'
  | 'visit-no-show'
  | 'visit-record-due'
  | 'visit-requested'
  | 'visit-request-declined'
  // Visit records (VisitRecordsApi.cs): sent to the deputy to confirm; confirmed, perhaps with a remark.
  | 'visit-record-submitted'
  | 'visit-record-confirmed'
  | 'visit-record-remarked'
  // The item jobs (ItemJobs.cs): the evaluation reminder and the morning deadline digests.
  | 'evaluation-reminder'
  | 'deadline-digest'
  | 'office-digest'

// Enums arrive as their names (older rows: as numbers). Item notifications keep their values in
// `extra`; a visit's and a digest's are at the top level.
export interface NotificationData {
  number?: string | null
  title?: string
  extra?: Record<string, unknown> | null
  startUtc?: string
  method?: string | number
  reason?: string | null
  // visit-no-show: who never joined.
  missing?: string[]
  // The digests: the day they are for, and what is due soon, overdue and promised but not done.
  day?: string
  dueSoon?: string[] | number
  overdue?: string[]
  overdueCommitments?: number | { itemId?: number; number: string | null; text: string; dueAtUtc: string }[]
  [value: string]: unknown
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
