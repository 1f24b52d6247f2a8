import { http } from './http'
import type { ItemDetail, ResponseCategory, VisitMethod, VisitPhase } from './items'

// A handler unit's actions on an assigned item (HandlingApi.cs). Each answers with the item page.

export interface ContactInput {
  phase: VisitPhase
  method: VisitMethod
  atUtc: string
  durationMinutes: number
  summary: string
}

export interface AnswerInput {
  category: ResponseCategory
  text: string
  attachmentIds?: number[]
}

const item = (id: number, action: string) => `/api/items/${id}/${action}`

export const handlingApi = {
  sign: (id: number) => http.post<ItemDetail>(item(id, 'sign')),
  return: (id: number, reason: string) => http.post<ItemDetail>(item(id, 'return'), { reason }),
  progress: (id: number, text: string) => http.post<ItemDetail>(item(id, 'progress'), { text }),
  opinion: (id: number, text: string) => http.post<ItemDetail>(item(id, 'opinion'), { text }),
  extension: (id: number, dueAtUtc: string, reason: string) =>
    http.post<ItemDetail>(item(id, 'extension'), { dueAtUtc, reason }),
  contact: (id: number, contact: ContactInput) => http.post<ItemDetail>(item(id, 'contacts'), contact),
  answer: (id: number, answer: AnswerInput) => http.post<ItemDetail>(item(id, 'answer'), answer),
}
