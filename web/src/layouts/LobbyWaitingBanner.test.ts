import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AppNotification } from '../api/notifications'
import { fakeServer, mountPage, settle } from '../testing'
import LobbyWaitingBanner from './LobbyWaitingBanner.vue'

// The live notifications, pushed by the test instead of the hub; the chime, counted instead of played.
const live = vi.hoisted(() => ({ listeners: [] as ((n: AppNotification) => void)[], read: 0 }))
const chime = vi.hoisted(() => vi.fn(async () => {}))
vi.mock('../notifications/live', () => ({
  onNotified: (listener: (n: AppNotification) => void) => {
    live.listeners.push(listener)
    return () => live.listeners.splice(live.listeners.indexOf(listener), 1)
  },
  markedRead: () => live.read++,
}))
vi.mock('../calls/precheck/audio', () => ({ playTestTone: chime }))

function waiting(id: number, visitId: number, names: string[]): AppNotification {
  return {
    id, kind: 'visit-waiting', itemId: 12, visitId, createdAtUtc: '2026-05-01T01:58:00Z', read: false,
    data: { number: '2026-S-0012', title: '关于优化公交线路的建议', startUtc: '2026-05-01T02:00:00Z', waiting: names },
  }
}

const push = (n: AppNotification) => live.listeners.forEach((listener) => listener(n))

describe('the banner that says someone waits in the lobby', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
    live.listeners.length = 0
  })

  it('names who waits for which visit, with a chime, one banner per visit, and leads to the check before the call', async () => {
    const calls = fakeServer({ 'POST /api/notifications/31/read': { status: 204 } })
    const { wrapper, router } = await mountPage(LobbyWaitingBanner, '/items')
    push({ ...waiting(30, 7, []), kind: 'visit-room-open' })
    await settle(() => expect(wrapper.find('[data-testid="lobby-waiting"]').exists()).toBe(false))

    push(waiting(30, 7, ['李建国']))
    push(waiting(31, 7, ['李建国', '王敏']))
    push(waiting(32, 8, ['张华']))
    await settle(() => expect(wrapper.findAll('[data-testid="lobby-waiting"]')).toHaveLength(2))
    const banner = wrapper.get('[data-testid="lobby-waiting"][data-visit="7"]')
    expect(banner.text()).toContain('李建国、王敏 已在2026-S-0012 《关于优化公交线路的建议》视频回访（2026年5月1日 10:00 开始）的等候室等候，请尽快进入。')
    expect(chime).toHaveBeenCalledTimes(3)

    await banner.get('[data-testid="lobby-waiting-join"]').trigger('click')
    await settle(() => expect(router.currentRoute.value.fullPath).toBe('/visits/7/check'))
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/notifications/31/read'])
    expect(live.read).toBe(1)
  })

  it('goes when closed, until someone waits again', async () => {
    fakeServer({})
    const { wrapper } = await mountPage(LobbyWaitingBanner, '/items')
    push(waiting(30, 7, ['李建国']))
    await settle(() => expect(wrapper.find('[data-testid="lobby-waiting"]').exists()).toBe(true))

    await wrapper.get('[data-testid="lobby-waiting-close"]').trigger('click')
    await settle(() => expect(wrapper.find('[data-testid="lobby-waiting"]').exists()).toBe(false))

    push(waiting(33, 7, ['李建国']))
    await settle(() => expect(wrapper.find('[data-testid="lobby-waiting"]').exists()).toBe(true))
  })

  it('tells those waiting that I will be there in five minutes, once, or says why it could not', async () => {
    const calls = fakeServer({
      'POST /api/visits/7/lobby-note': { status: 200, body: { id: 1, from: 2, displayName: '刘伟', text: '请稍候，我约 5 分钟后进入。', sentAtUtc: '2026-05-01T02:01:00Z' } },
      'POST /api/visits/8/lobby-note': { status: 409, body: { status: 409, code: 'room_closed', detail: 'This visit has no video room open now or later.' } },
    })
    const { wrapper } = await mountPage(LobbyWaitingBanner, '/items')
    push(waiting(30, 7, ['李建国']))
    push(waiting(31, 8, ['张华']))
    await settle(() => expect(wrapper.findAll('[data-testid="lobby-waiting"]')).toHaveLength(2))
    const banner = (visit: number) => wrapper.get(`[data-testid="lobby-waiting"][data-visit="${visit}"]`)

    await banner(7).get('[data-testid="lobby-waiting-soon"]').trigger('click')
    await settle(() => expect(banner(7).get('[data-testid="lobby-waiting-soon"]').text()).toBe('已告知对方约 5 分钟后进入'))
    expect(banner(7).get('[data-testid="lobby-waiting-soon"]').attributes('disabled')).toBeDefined()
    expect(calls).toEqual([{ method: 'POST', url: '/api/visits/7/lobby-note', body: { text: '请稍候，我约 5 分钟后进入。' } }])

    await banner(8).get('[data-testid="lobby-waiting-soon"]').trigger('click')
    await settle(() => expect(banner(8).find('[data-testid="lobby-waiting-error"]').exists()).toBe(true))
    expect(banner(8).get('[data-testid="lobby-waiting-soon"]').attributes('disabled')).toBeUndefined()
  })
})
