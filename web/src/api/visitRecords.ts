import { http } from './http'
import type { AssignmentRole, VisitMethod, VisitState } from './items'

// The shapes of src/Consultation/Visits/VisitRecordDtos.cs and VisitRecordsApi.cs. Times travel as UTC.

export type RecordState = 'Draft' | 'Submitted' | 'Confirmed'
export type RecordAction = 'edit' | 'submit' | 'confirm' | 'amend'

export interface Commitment {
  id: number
  text: string
  ownerUnitId: number
  ownerUnitName: string
  dueAtUtc: string
  doneAtUtc: string | null
  // Part of the visit's current record: due, and marked done, from then on.
  tracked: boolean
  overdue: boolean
  actions: ('done' | string)[]
  version: string
}

export interface VisitRecord {
  id: number
  visitId: number
  itemId: number
  amendsRecordId: number | null
  state: RecordState
  methodUsed: VisitMethod
  participants: string
  deputyOpinion: string
  explained: string | null
  authorName: string
  writtenAtUtc: string
  submittedAtUtc: string | null
  confirmedAtUtc: string | null
  confirmedByName: string | null
  deputyRemark: string | null
  commitments: Commitment[]
  actions: (RecordAction | string)[]
  version: string
}

// Who took part (from the video room's attendance, else the invitation) and the method to record.
export interface RecordDraft {
  people: string[]
  methodUsed: VisitMethod
  videoFailed: boolean
}

export interface OwnerUnit {
  id: number
  name: string
  role: AssignmentRole
}

export interface VisitRecords {
  visitId: number
  itemId: number
  method: VisitMethod
  state: VisitState
  startUtc: string
  // Oldest first: an amendment follows the record it amends.
  records: VisitRecord[]
  actions: ('write' | string)[]
  draft: RecordDraft | null
  ownerUnits: OwnerUnit[]
}

export interface CommitmentInput {
  // The commitment being kept: the draft's own, or (in an amendment) the amended record's.
  id?: number
  text: string
  ownerUnitId: number
  dueAtUtc: string
}

export interface RecordInput {
  methodUsed: VisitMethod
  participants: string
  deputyOpinion: string
  explained: string | null
  commitments: CommitmentInput[]
  version?: string
}

export const visitRecordsApi = {
  ofItem: (itemId: number) => http.get<VisitRecords[]>(`/api/items/${itemId}/records`),
  ofVisit: (visitId: number) => http.get<VisitRecords>(`/api/visits/${visitId}/records`),
  write: (visitId: number, input: RecordInput) => http.post<VisitRecords>(`/api/visits/${visitId}/records`, input),
  edit: (id: number, input: RecordInput) => http.put<VisitRecords>(`/api/records/${id}`, input),
  submit: (id: number, version: string) => http.post<VisitRecords>(`/api/records/${id}/submit`, { version }),
  amend: (id: number, input: RecordInput) => http.post<VisitRecords>(`/api/records/${id}/amendment`, input),
  confirm: (id: number, remark: string | null, version: string) =>
    http.post<VisitRecords>(`/api/records/${id}/confirm`, { remark, version }),
  done: (commitmentId: number, version: string) => http.post<VisitRecords>(`/api/commitments/${commitmentId}/done`, { version }),
}
