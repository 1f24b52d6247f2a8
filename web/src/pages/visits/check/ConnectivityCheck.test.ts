import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n, setLanguage } from '../../../i18n'
import zhCN from '../../../i18n/zh-CN'
import { fakeServer, settle } from '../../../testing'
import ConnectivityCheck from './ConnectivityCheck.vue'

async function checkRefused(answer: { status: number; body?: unknown }) {
  setLanguage('zh-CN')
  fakeServer({ 'GET /api/visits/7/ice-servers': answer })
  const check = mount(ConnectivityCheck, { props: { visitId: 7 }, global: { plugins: [i18n] } })
  await settle(() => expect(check.get('[data-testid="precheck-network"]').attributes('data-state')).toBe('error'))
  return check.text()
}

describe('connectivity check', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('says a closed room and whom to ask for another visit', async () => {
    expect(await checkRefused({ status: 409, body: { code: 'room_closed' } })).toContain(zhCN.precheck.network.roomClosed)
  })

  it('says a server fault in its own words rather than blaming the network', async () => {
    const said = await checkRefused({ status: 503 })
    expect(said).toContain(zhCN.errors.generic)
    expect(said).not.toContain(zhCN.precheck.network.loadError)
  })
})
