import { http } from './http'

// Files on an item or on an answer: PDF, PNG or JPEG up to 10 MB (the server checks again).

// Sent in lower case as the upload's `purpose`; the server names it `Item` or `Answer` in what it returns.
export type AttachmentPurpose = 'item' | 'answer'

export interface Attachment {
  id: number
  fileName: string
  contentType: string
  size: number
  purpose: 'Item' | 'Answer'
  responseId: number | null
  uploadedAtUtc: string
}

export function isFor(attachment: Attachment, purpose: AttachmentPurpose): boolean {
  return attachment.purpose.toLowerCase() === purpose
}

export const attachmentTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const
export const attachmentMaxBytes = 10 * 1024 * 1024
export const attachmentAccept = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg'

export type FileProblem = 'type' | 'size'

// Says before uploading what the server would refuse, so nobody waits for a 10 MB upload to fail.
export function fileProblem(file: { type: string; size: number; name: string }): FileProblem | undefined {
  const byName = /\.(pdf|png|jpe?g)$/i.test(file.name)
  if (!(attachmentTypes as readonly string[]).includes(file.type) && !byName) return 'type'
  if (file.size > attachmentMaxBytes) return 'size'
  return undefined
}

export const attachmentsApi = {
  upload: (itemId: number, file: File, purpose: AttachmentPurpose) => {
    const form = new FormData()
    form.append('file', file)
    form.append('purpose', purpose)
    return http.post<Attachment>(`/api/items/${itemId}/attachments`, form)
  },
  href: (id: number) => `/api/attachments/${id}`,
}
