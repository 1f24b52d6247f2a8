import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Me } from '../../api/account'
import { session } from '../../session'
import { fakeServer, mountPage, settle } from '../../testing'
import { aVisit } from '../../visits/testVisits'
import MyVisitsPage from './MyVisitsPage.vue'

const deputy: Me = { id: 12, userName: 'deputy.li', displayName: '李建国', roles: ['Deputy'], unitId: null, unitName: null, deputyId: 1 }
const at = (iso: string) => Date.parse(iso)

// The room opens at 01:50Z (09:50 in Shanghai), the visit starts at 02:00Z; the server's clock reads 01:49:40.
const visit = aVisit({ serverNowUtc: '2026-05-01T01:49:40Z' })

let mounted: { unmount: () => void } | undefined

describe('my visits', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    // The phone's clock is three minutes slow: the page must go by the server's.
    vi.setSystemTime(at('2026-05-01T01:46:40Z'))
    session.me = deputy
  })
  afterEach(() => {
    // Unmounted first: a page still mounted would react to the session ending with real requests.
    mounted?.unmount()
    vi.useRealTimers()
    vi.unstubAllGlobals()
    session.me = null
    document.body.innerHTML = ''
  })

  async function openPage(shown = visit, answers: Parameters<typeof fakeServer>[0] = {}) {
    const calls = fakeServer({ 'GET /api/my/visits': { status: 200, body: [shown] }, ...answers })
    const page = await mountPage(MyVisitsPage, '/visits')
    mounted = page.wrapper
    await settle(() => expect(page.wrapper.find('[data-testid="visit-card-7"]').exists()).toBe(true))
    return { ...page, calls }
  }

  it("counts down on the server's clock, in seconds once the start is ten minutes away", async () => {
    const { wrapper } = await openPage()
    const countdown = () => wrapper.get('[data-testid="visit-card-7"] [data-testid="visit-countdown"]').text()
    expect(countdown()).toBe('距开始还有 10 分')

    await vi.advanceTimersByTimeAsync(21_000)
    expect(countdown()).toBe('距开始还有 9 分 59 秒')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(countdown()).toBe('距开始还有 9 分 58 秒')
  })

  it('keeps the join button disabled with the opening time, and opens it by itself when the room opens', async () => {
    const { wrapper, calls } = await openPage()
    const join = () => wrapper.get('[data-testid="visit-card-7"] [data-testid="visit-join"]')
    expect(join().element.tagName).toBe('BUTTON')
    expect(join().attributes('disabled')).toBeDefined()
    expect(join().text()).toBe('09:50 开放进入')

    await vi.advanceTimersByTimeAsync(19_000)
    expect(join().attributes('disabled')).toBeDefined()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(join().attributes('disabled')).toBeUndefined()
    expect(join().text()).toBe('进入视频回访')
    // No reload: the page asked the server once.
    expect(calls).toHaveLength(1)
  })

  it('goes to the pre-call check when the open button is pressed', async () => {
    const { wrapper, router } = await openPage({ ...visit, serverNowUtc: '2026-05-01T01:52:00Z' })
    await wrapper.get('[data-testid="visit-join"]').trigger('click')
    await settle(() => expect(router.currentRoute.value.fullPath).toBe('/visits/7/check'))
  })

  it('offers the pre-call check ahead of time, until the room opens and Join leads there', async () => {
    const { wrapper } = await openPage()
    const ahead = () => wrapper.find('[data-testid="visit-card-7"] [data-testid="visit-check-ahead"]')
    expect(ahead().text()).toBe('现在检查摄像头、麦克风和网络')

    await vi.advanceTimersByTimeAsync(20_000)
    expect(ahead().exists()).toBe(false)
    expect(wrapper.get('[data-testid="visit-join"]').attributes('disabled')).toBeUndefined()
  })

  it('goes to the pre-call check from the link before the room opens', async () => {
    const { wrapper, router } = await openPage()
    await wrapper.get('[data-testid="visit-check-ahead"]').trigger('click')
    await settle(() => expect(router.currentRoute.value.fullPath).toBe('/visits/7/check'))
  })

  it('offers the calendar file, and lets the submitter ask for another time', async () => {
    const { wrapper, calls } = await openPage(visit, {
      'POST /api/items/14/visit-requests': {
        status: 201,
        body: { id: 3, itemId: 14, itemNumber: visit.itemNumber, itemTitle: visit.itemTitle, visitId: 7, deputyName: '李建国', proposedTimes: '周三下午', message: null, state: 'Pending', requestedAtUtc: '2026-05-01T01:50:00Z', answer: null },
      },
    })
    expect(wrapper.get('[data-testid="visit-ics"]').attributes('href')).toBe('/api/visits/7/calendar.ics')

    await wrapper.get('[data-testid="visit-ask-another"]').trigger('click')
    await settle(() => expect(document.querySelector('[data-testid="dialog-ask-visit"] textarea')).not.toBeNull())
    const times = document.querySelector<HTMLTextAreaElement>('[data-testid="ask-visit-times"]')!
    times.value = '周三下午'
    times.dispatchEvent(new Event('input'))
    ;(document.querySelector('[data-testid="dialog-ask-visit-confirm"]') as HTMLElement).click()

    await settle(() => expect(wrapper.get('[data-testid="my-visits-notice"]').text()).toContain('申请已发送'))
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ proposedTimes: '周三下午', message: null, visitId: 7 })
  })

  it('does not offer another time to a co-signer', async () => {
    session.me = { ...deputy, deputyId: 2 }
    const { wrapper } = await openPage()
    expect(wrapper.find('[data-testid="visit-ask-another"]').exists()).toBe(false)
  })
})
