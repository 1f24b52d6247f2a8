import { ApiError, type ProblemDetails } from '../../api/http'

// Downloads an export while telling how far it is: the server sends the row count first (X-Total-Rows), then the
// file as it is written; the reader counts the bytes (and for CSV the lines) as they arrive.

export interface DownloadProgress {
  bytes: number
  rows: number | null
  totalRows: number | null
}

export async function downloadWithProgress(url: string, onProgress: (p: DownloadProgress) => void): Promise<{ blob: Blob; fileName: string }> {
  let response: Response
  try {
    response = await fetch(url, { credentials: 'same-origin' })
  } catch {
    throw new ApiError({ status: 0, code: 'network' })
  }
  if (!response.ok) {
    let problem: ProblemDetails = { status: response.status }
    try {
      problem = { ...(await response.json()), status: response.status }
    } catch {
      // No problem body: the status says enough.
    }
    throw new ApiError(problem)
  }
  const total = Number(response.headers.get('X-Total-Rows'))
  const totalRows = Number.isFinite(total) && response.headers.has('X-Total-Rows') ? total : null
  const csv = (response.headers.get('Content-Type') ?? '').startsWith('text/csv')
  const chunks: Uint8Array[] = []
  const progress: DownloadProgress = { bytes: 0, rows: csv ? 0 : null, totalRows }
  onProgress({ ...progress })
  const reader = response.body?.getReader()
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      progress.bytes += value.byteLength
      if (csv) progress.rows = (progress.rows ?? 0) + countLines(value)
      onProgress({ ...progress })
    }
  }
  if (csv && progress.rows !== null) progress.rows = Math.max(progress.rows - 1, 0) // the heading line
  onProgress({ ...progress })
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream'
  return { blob: new Blob(chunks as BlobPart[], { type }), fileName: fileNameOf(response.headers.get('Content-Disposition')) }
}

export function countLines(bytes: Uint8Array): number {
  let lines = 0
  for (const b of bytes) if (b === 10) lines++
  return lines
}

export function fileNameOf(disposition: string | null): string {
  const match = /filename="?([^";]+)"?/i.exec(disposition ?? '')
  return match?.[1] ?? 'export'
}

// Hands the file to the browser as a download.
export function saveBlob(blob: Blob, fileName: string) {
  const href = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = href
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}
