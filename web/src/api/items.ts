import { http, queryString } from './http'
import type { Attachment } from './attachments'

// The shapes of src/Consultation/Items/ItemDtos.cs and ItemsApi.cs. Enums travel as strings; times as UTC.

export type ItemKind = 'Suggestion' | 'Proposal' | 'Express'
export type ItemLevel = 'City' | 'District'
export type ItemState =
  | 'Draft'
  | 'Submitted'
  | 'Rejected'
  | 'Registered'
  | 'Assigned'
  | 'InHandling'
  | 'Answered'
  | 'Evaluated'
  | 'ReHandling'
  | 'Closed'
export type DeadlineStatus = 'None' | 'OnTrack' | 'DueSoon' | 'Overdue'
export type ItemTag = 'urgent' | 'troublesome' | 'difficult' | 'longOverdue'
export type SignerRole = 'Submitter' | 'CoSigner'
export type AssignmentRole = 'Lead' | 'Co' | 'Separate'
export type AssignmentState = 'Active' | 'Returned' | 'Withdrawn'
export type RequestState = 'Pending' | 'Approved' | 'Refused'
export type ResponseCategory = 'A' | 'B' | 'C' | 'D'
export type Satisfaction = 'Satisfied' | 'BasicallySatisfied' | 'Dissatisfied'
export type VisitPhase = 'BeforeAnswer' | 'DuringHandling' | 'AfterAnswer' | 'FollowUp'
export type VisitMethod = 'Video' | 'Phone' | 'InPerson'
export type VisitState = 'Scheduled' | 'Held' | 'NoShow' | 'Cancelled'

// What this person may do with the item now (ItemRules.Actions on the server).
export type ItemAction =
  | 'edit'
  | 'submit'
  | 'cosign'
  | 'evaluate'
  | 'register'
  | 'reject'
  | 'assign'
  | 'classify'
  | 'close'
  | 'sign'
  | 'return'
  | 'progress'
  | 'opinion'
  | 'extension'
  | 'contact'
  | 'answer'

export const itemStates: readonly ItemState[] = [
  'Draft',
  'Submitted',
  'Rejected',
  'Registered',
  'Assigned',
  'InHandling',
  'Answered',
  'Evaluated',
  'ReHandling',
  'Closed',
]
export const itemKinds: readonly ItemKind[] = ['Suggestion', 'Proposal', 'Express']
export const itemTags: readonly ItemTag[] = ['urgent', 'troublesome', 'difficult', 'longOverdue']
export const categories: readonly ResponseCategory[] = ['A', 'B', 'C', 'D']
export const satisfactions: readonly Satisfaction[] = ['Satisfied', 'BasicallySatisfied', 'Dissatisfied']

export interface ItemSummary {
  id: number
  number: string | null
  kind: ItemKind
  state: ItemState
  title: string
  submitterName: string | null
  leadUnitName: string | null
  dueAtUtc: string | null
  deadline: DeadlineStatus
  tags: ItemTag[]
  isKey: boolean
  submittedAtUtc: string | null
}

export interface ItemPage {
  items: ItemSummary[]
  total: number
  page: number
  pageSize: number
}

export interface Signer {
  deputyId: number
  name: string
  role: SignerRole
  confirmed: boolean
}

export interface Assignment {
  id: number
  unitId: number
  unitName: string
  role: AssignmentRole
  state: AssignmentState
  assignedAtUtc: string
  signedForAtUtc: string | null
  dueAtUtc: string
  returnWindowEndsUtc: string
  deadline: DeadlineStatus
}

export interface ProgressEntry {
  id: number
  atUtc: string
  unitName: string
  text: string
}

export interface Opinion {
  id: number
  unitName: string
  submittedAtUtc: string
  text: string
}

export interface UnitRequest {
  id: number
  kind: 'extension' | 'return'
  assignmentId: number
  unitName: string
  reason: string
  state: RequestState
  requestedAtUtc: string
  requestedDueAtUtc: string | null
  decisionNote: string | null
}

export interface Evaluation {
  id: number
  deputyName: string
  work: Satisfaction
  result: Satisfaction
  comment: string | null
  evaluatedAtUtc: string
}

export interface ItemResponse {
  id: number
  unitName: string
  category: ResponseCategory
  text: string
  answeredAtUtc: string
  isFollowUp: boolean
  isReHandling: boolean
  evaluations: Evaluation[]
}

export interface ReHandling {
  id: number
  openedAtUtc: string
  dueAtUtc: string
  answeredAtUtc: string | null
}

export interface VisitSummary {
  id: number
  phase: VisitPhase
  method: VisitMethod
  state: VisitState
  startUtc: string
  durationMinutes: number
  summary: string | null
}

export interface ItemDetail {
  id: number
  number: string | null
  sessionId: number
  sessionName: string
  kind: ItemKind
  level: ItemLevel
  state: ItemState
  title: string
  body: string
  problem: string | null
  requests: string | null
  tags: ItemTag[]
  isKey: boolean
  handlingPlan: string | null
  submittedAtUtc: string | null
  registeredAtUtc: string | null
  rejectionReason: string | null
  closedAtUtc: string | null
  underTracking: boolean
  dueAtUtc: string | null
  deadline: DeadlineStatus
  signers: Signer[]
  assignments: Assignment[]
  progress: ProgressEntry[]
  opinions: Opinion[]
  unitRequests: UnitRequest[]
  responses: ItemResponse[]
  reHandlings: ReHandling[]
  visits: VisitSummary[]
  // Being added to the server with attachments; absent until then.
  attachments?: Attachment[]
  actions: ItemAction[]
  version: string
}

export interface AuditEntry {
  id: number
  atUtc: string
  actor: string
  entityType: string
  entityId: string
  action: string
  before: string | null
  after: string | null
}

export interface InboxRow {
  item: ItemSummary
  assignmentId: number
  role: AssignmentRole
  signedFor: boolean
  dueAtUtc: string
  deadline: DeadlineStatus
}

export interface MyItemRow {
  item: ItemSummary
  role: SignerRole
  confirmed: boolean
}

export interface ItemFilter {
  session?: number
  kind?: ItemKind
  state?: ItemState
  unit?: number
  tag?: ItemTag
  key?: boolean
  dueSoon?: boolean
  overdue?: boolean
  q?: string
  page?: number
  pageSize?: number
}

export const itemsApi = {
  list: (filter: ItemFilter) => http.get<ItemPage>(`/api/items${queryString({ ...filter })}`),
  get: (id: number) => http.get<ItemDetail>(`/api/items/${id}`),
  audit: (id: number) => http.get<AuditEntry[]>(`/api/items/${id}/audit`),
  inbox: () => http.get<InboxRow[]>('/api/inbox'),
  mine: () => http.get<MyItemRow[]>('/api/my/items'),
}
