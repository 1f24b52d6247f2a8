import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VisitRequest } from '../../api/visitRequests'
import { fakeServer, mountPage, settle } from '../../testing'
import { inboxFilter, signedBadge } from '../items/badges'
import { anInboxRow } from '../items/testItems'
import InboxPage from './InboxPage.vue'

const overdue = anInboxRow({ item: { id: 1, deadline: 'Overdue' }, assignmentId: 11, deadline: 'Overdue', signedFor: false })
const dueSoonCo = anInboxRow({ item: { id: 2, title: '关于加强校园周边交通管理的建议' }, assignmentId: 12, role: 'Co', deadline: 'DueSoon' })
const onTrack = anInboxRow({ item: { id: 3 }, assignmentId: 13, deadline: 'OnTrack', signedFor: true })
const pendingRequest: VisitRequest = {
  id: 4,
  itemId: 3,
  itemNumber: '2026-S-0003',
  itemTitle: '关于缩短118路公交候车时间的建议',
  visitId: null,
  deputyName: '李建国',
  proposedTimes: '下周二上午',
  message: null,
  state: 'Pending',
  requestedAtUtc: '2026-05-01T02:00:00Z',
  answer: null,
}

describe('inbox badges', () => {
  it('says whether the unit has signed for the item', () => {
    expect(signedBadge({ signedFor: false })).toEqual({ type: 'warning', label: 'inbox.notSigned' })
    expect(signedBadge({ signedFor: true })).toEqual({ type: 'info', label: 'inbox.signed' })
  })

  it('filters on signing and on the deadline', () => {
    const rows = [overdue, dueSoonCo, onTrack]
    expect(rows.filter(inboxFilter('unsigned')).map((r) => r.assignmentId)).toEqual([11])
    expect(rows.filter(inboxFilter('overdue')).map((r) => r.assignmentId)).toEqual([11])
    expect(rows.filter(inboxFilter('dueSoon')).map((r) => r.assignmentId)).toEqual([12])
    expect(rows.filter(inboxFilter('all'))).toHaveLength(3)
  })
})

describe('inbox page', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it("shows each row's role, its own deadline badge and whether it is signed for", async () => {
    fakeServer({ 'GET /api/inbox': { status: 200, body: [overdue, dueSoonCo, onTrack] } })
    const { wrapper } = await mountPage(InboxPage, '/handler/inbox')
    await settle(() => expect(wrapper.findAll('[data-testid^="item-row-"]')).toHaveLength(3))

    const first = wrapper.get('[data-testid="item-row-1"]')
    expect(first.get('[data-testid="deadline-Overdue"]').text()).toBe('已超期')
    expect(first.get('[data-testid="inbox-signed"]').text()).toBe('未签收')
    expect(first.get('[data-testid="inbox-role"]').text()).toBe('主办')

    const second = wrapper.get('[data-testid="item-row-2"]')
    expect(second.get('[data-testid="deadline-DueSoon"]').text()).toBe('即将到期')
    expect(second.get('[data-testid="inbox-role"]').text()).toBe('协办')
    expect(second.get('[data-testid="inbox-signed"]').text()).toBe('已签收')

    expect(wrapper.get('[data-testid="item-row-3"]').get('[data-testid="deadline-OnTrack"]').text()).toBe('正常')
  })

  it('narrows to overdue items and counts each filter', async () => {
    fakeServer({ 'GET /api/inbox': { status: 200, body: [overdue, dueSoonCo, onTrack] } })
    const { wrapper } = await mountPage(InboxPage, '/handler/inbox')
    await settle(() => expect(wrapper.findAll('[data-testid^="item-row-"]')).toHaveLength(3))

    expect(wrapper.get('[data-testid="inbox-filter-overdue"]').text()).toBe('已超期 1')
    await wrapper.get('[data-testid="inbox-filter-overdue"] input').setValue(true)

    await settle(() => expect(wrapper.findAll('[data-testid^="item-row-"]').map((r) => r.attributes('data-testid'))).toEqual(['item-row-1']))
  })

  it('says when consultation requests cannot be read, and shows them once "Try again" gets them', async () => {
    const answers: Record<string, { status: number; body?: unknown }> = {
      'GET /api/inbox': { status: 200, body: [onTrack] },
      'GET /api/visit-requests?pendingOnly=false': { status: 503 },
    }
    fakeServer(answers)
    const { wrapper } = await mountPage(InboxPage, '/handler/inbox')
    await settle(() => expect(wrapper.find('[data-testid="requests-unavailable"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="requests-unavailable"]').text()).toContain('暂时无法读取见面沟通申请，请点“重试”。')

    answers['GET /api/visit-requests?pendingOnly=false'] = { status: 200, body: [pendingRequest] }
    await wrapper.get('[data-testid="retry-note-button"]').trigger('click')

    await settle(() => expect(wrapper.find('[data-testid="requests-unavailable"]').exists()).toBe(false))
    expect(wrapper.text()).toContain('关于缩短118路公交候车时间的建议')
  })
})

