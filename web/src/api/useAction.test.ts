import { describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { mount } from '@vue/test-utils'
import { i18n, setLanguage } from '../i18n'
import zhCN from '../i18n/zh-CN'
import { ApiError } from './http'
import { useAction } from './useAction'

function mountAction() {
  let state!: ReturnType<typeof useAction>
  mount(defineComponent({ setup: () => ((state = useAction()), () => null) }), { global: { plugins: [i18n] } })
  return state
}

describe('sending a confirmation', () => {
  it('says a refusal in one message, and clears it when the next send goes through', async () => {
    setLanguage('zh-CN')
    const action = mountAction()

    expect(await action.run(() => Promise.reject(new ApiError({ status: 409, detail: 'The record was confirmed meanwhile.' })))).toBe(false)
    expect(action.error.value).toContain('The record was confirmed meanwhile.')
    await action.run(() => Promise.reject(new Error('network down')))
    expect(action.error.value).toBe(zhCN.errors.generic)

    expect(await action.run(async () => {})).toBe(true)
    expect(action.error.value).toBe('')
  })

  it('ignores a second send while the first is on its way', async () => {
    const action = mountAction()
    let answer!: () => void
    const send = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)))

    const first = action.run(send)
    expect(action.busy.value).toBe(true)
    expect(await action.run(send)).toBe(false)
    answer()

    expect(await first).toBe(true)
    expect(send).toHaveBeenCalledTimes(1)
    expect(action.busy.value).toBe(false)
  })
})
