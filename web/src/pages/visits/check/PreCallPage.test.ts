import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeServer, mountPage, settle } from '../../../testing'
import zhCN from '../../../i18n/zh-CN'
import PreCallPage from './PreCallPage.vue'

async function refusedWith(answer: { status: number; body?: unknown }) {
  fakeServer({ 'GET /api/visits/7/basics': answer })
  const { wrapper } = await mountPage(PreCallPage, '/visits/7/check', '/visits/:id/check')
  await settle(() => expect(wrapper.find('[data-testid="precheck-load-error"]').exists()).toBe(true))
  return wrapper.get('[data-testid="precheck-load-error"]').text()
}

describe('pre-call check page', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('tells someone not invited to open their own invitation', async () => {
    expect(await refusedWith({ status: 403, body: { code: 'not_participant', detail: 'You are not a participant.' } })).toContain(
      zhCN.precheck.notParticipant,
    )
  })

  it('says what to do for a visit that is gone rather than blaming the network', async () => {
    expect(await refusedWith({ status: 404, body: { code: 'not_found', detail: 'The visit was not found.' } })).toContain(zhCN.errors.not_found)
  })
})
