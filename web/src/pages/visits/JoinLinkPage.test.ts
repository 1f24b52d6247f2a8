import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeServer, mountPage, settle } from '../../testing'
import zhCN from '../../i18n/zh-CN'
import JoinLinkPage from './JoinLinkPage.vue'

describe('join link page', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('says a server fault as such (not as the network), and goes on once "Try again" gets through', async () => {
    // A browser that can hold a call.
    vi.stubGlobal('RTCPeerConnection', function RTCPeerConnection() {})
    const answers: Record<string, { status: number; body?: unknown }> = { 'POST /api/join': { status: 503 } }
    fakeServer(answers)
    const { wrapper, router } = await mountPage(JoinLinkPage, '/join/abc', '/join/:token')

    await settle(() => expect(wrapper.find('[data-testid="join-link-error"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="join-link-error"]').text()).toContain(zhCN.errors.generic)
    expect(wrapper.text()).not.toContain(zhCN.joinLink.networkError)

    answers['POST /api/join'] = { status: 200, body: { visitId: 7, session: 'account' } }
    await wrapper.get('[data-testid="join-link-error"] button').trigger('click')

    await settle(() => expect(router.currentRoute.value.fullPath).toBe('/visits/7/check'))
  })
})
