import { vi } from 'vitest'
import type { Component } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { i18n, setLanguage } from './i18n'
import zhCN from './i18n/zh-CN'

// Answers fetch calls by "METHOD /path"; anything unexpected fails loudly as a 500.
export function fakeServer(answers: Record<string, { status: number; body?: unknown }>) {
  const calls: { method: string; url: string; body?: unknown }[] = []
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET'
    const body = init?.body
    calls.push({
      method,
      url,
      // A multipart upload is recorded as its fields (a file by its name).
      body:
        body instanceof FormData
          ? Object.fromEntries([...body.entries()].map(([k, v]) => [k, v instanceof File ? v.name : v]))
          : body
            ? JSON.parse(String(body))
            : undefined,
    })
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

// The real Chinese messages as a plain translator, for the functions that take one.
export const chineseTranslator = () => translatorOf(zhCN, 'zh-CN')

// Messages of one language as a plain translator, with {named} values filled in.
export function translatorOf(messages: object, locale: string) {
  const lookup = (key: string) =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages)
  return {
    locale,
    te: (key: string) => typeof lookup(key) === 'string',
    t: (key: string, named: Record<string, unknown> = {}) =>
      String(lookup(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(named[name])),
  }
}

// Mounts a page as the router would show it at `path`, with the app's i18n in Chinese.
export async function mountPage(page: Component, path: string, pattern = path) {
  setLanguage('zh-CN')
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: pattern, component: page },
      { path: '/:rest(.*)*', component: { render: () => null } },
    ],
  })
  await router.push(path)
  const wrapper = mount(RouterView, { global: { plugins: [i18n, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

// Waits until the page has answered its fake server and rendered what `check` expects. Generous: on a
// busy machine the first render of a page with Element Plus dialogs takes seconds.
export async function settle(check: () => void) {
  await vi.waitFor(
    async () => {
      await flushPromises()
      check()
    },
    { timeout: 10_000, interval: 50 },
  )
}
