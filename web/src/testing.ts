import { vi } from 'vitest'

// Answers fetch calls by "METHOD /path"; anything unexpected fails loudly as a 500.
export function fakeServer(answers: Record<string, { status: number; body?: unknown }>) {
  const calls: { method: string; url: string; body?: unknown }[] = []
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET'
    calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined })
    const answer = answers[`${method} ${url}`] ?? { status: 500 }
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body)
    return new Response(text || null, {
      status: answer.status,
      headers: { 'Content-Type': answer.status >= 400 ? 'application/problem+json' : 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fetch)
  return calls
}
