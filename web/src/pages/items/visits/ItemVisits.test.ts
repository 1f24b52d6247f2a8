import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Me } from '../../../api/account'
import { session } from '../../../session'
import { fakeServer, mountPage, settle } from '../../../testing'
import { aVisit } from '../../../visits/testVisits'
import ItemPage from '../ItemPage.vue'
import { anItem } from '../testItems'

const handler: Me = { id: 3, userName: 'handler.transport', displayName: '刘伟', roles: ['Handler'], unitId: 1, unitName: '市交通运输局', deputyId: null }
const item = anItem({
  visits: [{ id: 7, phase: 'BeforeAnswer', method: 'Video', state: 'Scheduled', startUtc: '2026-05-01T08:00:00Z', durationMinutes: 30, summary: null }],
})

describe("an item's visits", () => {
  beforeAll(() => import('../ItemPage.vue'))
  beforeEach(() => (session.me = handler))
  afterEach(() => {
    vi.unstubAllGlobals()
    session.me = null
    document.body.innerHTML = ''
  })

  it('says when a visit\'s actions cannot be read, and shows them once "Try again" reads them', async () => {
    const answers: Parameters<typeof fakeServer>[0] = {
      'GET /api/items/5': { status: 200, body: item },
      'GET /api/visit-requests?pendingOnly=false': { status: 200, body: [] },
      'GET /api/items/5/records': { status: 200, body: [] },
      'GET /api/visits/7': { status: 503 },
    }
    fakeServer(answers)
    const { wrapper } = await mountPage(ItemPage, '/items/5', '/items/:id')
    const row = () => wrapper.get('[data-testid="visit-7"]')
    await settle(() => expect(row().find('[data-testid="visit-details-unavailable"]').exists()).toBe(true))
    expect(row().text()).toContain('暂时无法读取此回访的参加人和可用操作')

    answers['GET /api/visits/7'] = { status: 200, body: aVisit({ id: 7, itemId: 5, actions: ['reschedule', 'cancel'] }) }
    await row().get('[data-testid="retry-note-button"]').trigger('click')

    await settle(() => expect(row().find('[data-testid="visit-reschedule"]').exists()).toBe(true))
    expect(row().find('[data-testid="visit-details-unavailable"]').exists()).toBe(false)
  })
})
