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
const sessionProbes = ['/api/account/login', '/api/account/me', '/api/account/logout', '/api/join/session']

interface Handlers {
  unauthorized: () => void
  forbidden: () => void
}

let handlers: Handlers = { unauthorized: () => {}, forbidden: () => {} }

// The router registers these; http.ts must not import the router (it would pull every page in).
export function onAuthProblems(next: Handlers) {
  handlers = next
}

export interface RequestOptions {
  // A look-up the page can do without (a picker's choices): a 403 is its caller's to explain,
  // not a reason to leave the page.
  optional?: boolean
}

export async function request<T>(method: string, url: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  let response: Response
  // A file upload goes as multipart: the browser writes its Content-Type with the boundary.
  const multipart = body instanceof FormData
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body === undefined || multipart ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    })
  } catch {
    throw new ApiError({ status: 0, code: 'network' })
  }

  if (response.ok) {
    return (response.status === 204 ? undefined : await readJson(response)) as T
  }

  const problem = await readProblem(response)
  if (response.status === 401 && !sessionProbes.includes(url)) handlers.unauthorized()
  // A page the role may not open shows 403; an action refused on a page the person may see is
  // explained where they clicked (the server says why), so they keep their place.
  if (response.status === 403 && method === 'GET' && !options.optional) handlers.forbidden()
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
  get: <T>(url: string, options?: RequestOptions) => request<T>('GET', url, undefined, options),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, body),
}

// "?a=1&b=x" from the values that are set; empty when none is.
export function queryString(values: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}
