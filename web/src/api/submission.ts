import { http } from './http'
import type { DeputyBody } from './admin'
import type { ItemDetail, Satisfaction } from './items'

// A deputy's side: drafts, co-signatures, the evaluation of an answer (SubmissionApi.cs, EvaluationApi.cs).

export interface Draft {
  title: string
  body: string
  problem: string | null
  requests: string | null
  express: boolean
  coSignerIds: number[]
}

export interface DirectoryEntry {
  id: number
  name: string
  delegation: string | null
  // People's congress or CPPCC: the office picks from both.
  body?: DeputyBody
}

export interface EvaluationInput {
  work: Satisfaction
  result: Satisfaction
  comment: string | null
}

export const submissionApi = {
  create: (draft: Draft) => http.post<ItemDetail>('/api/items', draft),
  update: (id: number, draft: Draft, version: string) =>
    http.put<ItemDetail>(`/api/items/${id}`, { ...draft, version }),
  submit: (id: number) => http.post<ItemDetail>(`/api/items/${id}/submit`),
  cosign: (id: number) => http.post<ItemDetail>(`/api/items/${id}/cosign`),
  directory: (q: string) =>
    http.get<DirectoryEntry[]>(`/api/deputies/directory?q=${encodeURIComponent(q)}`),
  evaluate: (id: number, evaluation: EvaluationInput) =>
    http.post<ItemDetail>(`/api/items/${id}/evaluation`, evaluation),
}
