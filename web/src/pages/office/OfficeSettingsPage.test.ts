import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeServer, mountPage, settle } from '../../testing'
import zhCN from '../../i18n/zh-CN'
import OfficeSettingsPage from './OfficeSettingsPage.vue'

describe('office settings page', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('keeps the switch off limits when the rule cannot be read, and offers to try again', async () => {
    const answers: Record<string, { status: number; body?: unknown }> = { 'GET /api/office/notification-policy': { status: 503 } }
    fakeServer(answers)
    const { wrapper } = await mountPage(OfficeSettingsPage, '/office/settings')
    await settle(() => expect(wrapper.find('[data-testid="policy-load-error"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="policy-load-error"]').text()).toContain(zhCN.errors.generic)
    expect(wrapper.get('[data-testid="policy-require-sms"]').classes()).toContain('is-disabled')

    answers['GET /api/office/notification-policy'] = { status: 200, body: { requireSmsForReminders: true } }
    await wrapper.get('[data-testid="policy-load-error"] button').trigger('click')

    await settle(() => expect(wrapper.find('[data-testid="policy-load-error"]').exists()).toBe(false))
    const toggle = wrapper.get('[data-testid="policy-require-sms"]')
    expect(toggle.classes()).not.toContain('is-disabled')
    expect(toggle.classes()).toContain('is-checked')
  })
})
