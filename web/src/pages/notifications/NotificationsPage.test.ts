import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeServer, mountPage, settle } from '../../testing'
import zhCN from '../../i18n/zh-CN'
import NotificationsPage from './NotificationsPage.vue'

const unread = {
  id: 1,
  kind: 'closed',
  data: { number: '2026-S-0001', title: '关于优化公交线路的建议' },
  itemId: 5,
  visitId: null,
  createdAtUtc: '2026-05-01T02:00:00Z',
  read: false,
}

describe('notifications page', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows "mark all read" busy while it is sent, and says a refusal next to the list', async () => {
    fakeServer({
      'GET /api/notifications?page=1&unreadOnly=false': { status: 200, body: { items: [unread], unread: 1, total: 1 } },
      'POST /api/notifications/read-all': { status: 503 },
    })
    // The server answers "mark all read" only when the test says so.
    const server = vi.mocked(fetch).getMockImplementation()!
    let answer!: () => void
    vi.mocked(fetch).mockImplementation((url, init) =>
      url === '/api/notifications/read-all' ? new Promise((resolve) => (answer = () => resolve(server(url, init)))) : server(url, init),
    )
    const { wrapper } = await mountPage(NotificationsPage, '/notifications')
    await settle(() => expect(wrapper.get('[data-testid="notifications-read-all"]').attributes('disabled')).toBeUndefined())

    await wrapper.get('[data-testid="notifications-read-all"]').trigger('click')
    await settle(() => expect(wrapper.get('[data-testid="notifications-read-all"]').classes()).toContain('is-loading'))
    answer()

    await settle(() => expect(wrapper.find('[data-testid="notifications-read-all-error"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="notifications-read-all-error"]').text()).toContain(zhCN.errors.generic)
    expect(wrapper.get('[data-testid="notifications-read-all"]').classes()).not.toContain('is-loading')
  })
})
