import { http } from './http'
import type { ItemKind, ItemLevel } from './items'

// Registering a session's paper items from a spreadsheet: preview first, then import when clean.

export interface ImportRow {
  line: number
  number?: string | null
  kind: ItemKind
  level: ItemLevel
  title: string
  submitter: string
  coSigners: string[]
  status: 'new' | 'existing'
}

export interface ImportLineError {
  line: number
  field: string
  // In English, for a code the web app has no words for.
  message: string
  // Names the problem; `args` hold its values (the column as the file names it, the text found, a limit...).
  code: string
  args: Record<string, string>
}

export interface ImportPreview {
  fileName: string
  rows: ImportRow[]
  errors: ImportLineError[]
  newCount: number
  existingCount: number
}

export interface ImportResult {
  created: number
  skipped: number
}

export const importAccept = '.csv,.xlsx'

function upload(file: File, sessionId?: number) {
  const form = new FormData()
  form.append('file', file)
  if (sessionId !== undefined) form.append('sessionId', String(sessionId))
  return form
}

export const importsApi = {
  preview: (file: File, sessionId?: number) =>
    http.post<ImportPreview>('/api/office/import/preview', upload(file, sessionId)),
  run: (file: File, sessionId?: number) => http.post<ImportResult>('/api/office/import', upload(file, sessionId)),
}
