// The one way the web app talks to the server: same-origin cookies, JSON, RFC 7807 errors.

export interface ProblemDetails {
  status: number
  type?: string
  title?: string
  detail?: string
  code?: string
  errors?: Record<string, string[]>
  [extension: string]: unknown
}

export class ApiError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.title ?? problem.detail ?? `HTTP ${problem.status}`)
    this.name = 'ApiError'
  }

  get status() {
    return this.problem.status
  }

  get code() {
    return this.problem.code
  }
}

// A 401 from these is an answer ("not signed in"), not a session that expired under the page.
const sessionProbes = ['/api/account/login', '/api/account/me', '/api/account/logout']

interface Handlers {
  unauthorized: () => void
  forbidden: () => void
}

let handlers: Handlers = { unauthorized: () => {}, forbidden: () => {} }

// The router registers these; http.ts must not import the router (it would pull every page in).
export function onAuthProblems(next: Handlers) {
  handlers = next
}

export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError({ status: 0, code: 'network' })
  }

  if (response.ok) {
    return (response.status === 204 ? undefined : await readJson(response)) as T
  }

  const problem = await readProblem(response)
  if (response.status === 401 && !sessionProbes.includes(url)) handlers.unauthorized()
  if (response.status === 403) handlers.forbidden()
  throw new ApiError(problem)
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  return text ? JSON.parse(text) : undefined
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  try {
    const body = await readJson(response)
    if (body && typeof body === 'object') return { ...(body as object), status: response.status }
  } catch {
    // A proxy's HTML error page or an empty body: the status alone still says what happened.
  }
  return { status: response.status }
}

export const http = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body),
}
