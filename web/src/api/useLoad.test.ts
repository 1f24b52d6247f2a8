import { describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { mount } from '@vue/test-utils'
import { i18n, setLanguage } from '../i18n'
import zhCN from '../i18n/zh-CN'
import { ApiError } from './http'
import { useLoad } from './useLoad'

function mountLoad() {
  let state!: ReturnType<typeof useLoad>
  mount(defineComponent({ setup: () => ((state = useLoad()), () => null) }), { global: { plugins: [i18n] } })
  return state
}

// An answer the test gives when it chooses.
function pending<T>() {
  let answer!: (value: T) => void
  let refuse!: (error: unknown) => void
  const promise = new Promise<T>((resolve, reject) => ((answer = resolve), (refuse = reject)))
  return { promise, answer, refuse }
}

describe('loading what a page shows', () => {
  it('is loading before the first answer and until it comes, then shows it', async () => {
    const load = mountLoad()
    expect(load.loading.value).toBe(true)

    const request = pending<string[]>()
    let shown: string[] = []
    const done = load.run(() => request.promise, (answer) => (shown = answer))
    expect(load.loading.value).toBe(true)
    request.answer(['first item'])
    await done

    expect(shown).toEqual(['first item'])
    expect(load.loading.value).toBe(false)
    expect(load.error.value).toBe('')
  })

  it('says a refusal, and clears it when the next load starts', async () => {
    setLanguage('zh-CN')
    const load = mountLoad()
    let failedCalls = 0

    await load.run(
      () => Promise.reject(new ApiError({ status: 403, detail: 'This item belongs to another unit.' })),
      () => {},
      () => failedCalls++,
    )
    expect(load.error.value).toContain('This item belongs to another unit.')
    expect(load.loading.value).toBe(false)
    expect(failedCalls).toBe(1)
    await load.run(() => Promise.reject(new Error('network down')), () => {})
    expect(load.error.value).toBe(zhCN.errors.generic)

    const retry = pending<number>()
    const done = load.run(() => retry.promise, () => {})
    expect(load.error.value).toBe('')
    expect(load.loading.value).toBe(true)
    retry.answer(1)
    await done
    expect(load.error.value).toBe('')
  })

  it('keeps the newest load when an older answer comes after it', async () => {
    const load = mountLoad()
    const older = pending<string>()
    const newer = pending<string>()
    let shown = ''

    const first = load.run(() => older.promise, (answer) => (shown = answer))
    const second = load.run(() => newer.promise, (answer) => (shown = answer))
    newer.answer('filtered')
    await second
    older.answer('unfiltered')
    await first

    expect(shown).toBe('filtered')
    expect(load.loading.value).toBe(false)
  })

  it('stays loading until the newest answers, and drops an older refusal', async () => {
    setLanguage('zh-CN')
    const load = mountLoad()
    const older = pending<string>()
    const newer = pending<string>()
    let shown = ''
    let failedCalls = 0

    const first = load.run(() => older.promise, (answer) => (shown = answer), () => failedCalls++)
    const second = load.run(() => newer.promise, (answer) => (shown = answer), () => failedCalls++)
    older.refuse(new ApiError({ status: 400, detail: 'The date range is not valid.' }))
    await first
    expect(load.loading.value).toBe(true)
    expect(load.error.value).toBe('')
    expect(failedCalls).toBe(0)

    newer.answer('filtered')
    await second
    expect(shown).toBe('filtered')
    expect(load.loading.value).toBe(false)
    expect(load.error.value).toBe('')
  })
})
