import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Me } from '../../../api/account'
import type { PersonAgenda, StaffCandidate } from '../../../api/visits'
import { session } from '../../../session'
import { fakeServer, mountPage, settle } from '../../../testing'
import { formatDateTime } from '../../../time'
import { aVisit } from '../../../visits/testVisits'
import ItemPage from '../ItemPage.vue'
import { anItem } from '../testItems'

const handler: Me = { id: 3, userName: 'handler.transport', displayName: '刘伟', roles: ['Handler'], unitId: 1, unitName: '市交通运输局', deputyId: null }
const item = anItem({
  actions: ['progress', 'contact'],
  signers: [
    { deputyId: 1, name: '李建国', role: 'Submitter', confirmed: true },
    { deputyId: 5, name: '王海燕', role: 'CoSigner', confirmed: true },
    { deputyId: 6, name: '周明', role: 'CoSigner', confirmed: false },
  ],
})
// 李建国 has another visit from 14:00 to 14:45 (Shanghai) on 1 May; 刘伟 has none.
const agenda: PersonAgenda[] = [
  { person: 'deputy:1', name: '李建国', visits: [{ visitId: 2, startUtc: '2026-05-01T06:00:00Z', endUtc: '2026-05-01T06:45:00Z', itemNumber: '2026-S-0006' }] },
  { person: 'user:3', name: '', visits: [] },
]
// Who may be invited: the handler themself (never offered), a colleague, a co-handling unit's staff and the office.
const staff: StaffCandidate[] = [
  { userId: 3, displayName: '刘伟', unitId: 1, unitName: '市交通运输局', role: 'LeadUnit' },
  { userId: 8, displayName: '陈静', unitId: 1, unitName: '市交通运输局', role: 'LeadUnit' },
  { userId: 9, displayName: '赵磊', unitId: 2, unitName: '市公安局', role: 'CoUnit' },
  { userId: 12, displayName: '孙丽', unitId: null, unitName: null, role: 'Office' },
]
const agendaUrl = 'GET /api/visits/agenda?day=2026-05-01&deputyIds=1&userIds=3'

const inDialog = (testId: string) => document.querySelector<HTMLElement>(`[data-testid="dialog-schedule-visit"] [data-testid="${testId}"]`)
const all = (testId: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)]

function type(testId: string, value: string) {
  const input = inDialog(testId)!.closest('input') ?? inDialog(testId)!.querySelector('input')!
  input.value = value
  input.dispatchEvent(new Event('input'))
  input.dispatchEvent(new Event('change'))
}

let mounted: { unmount: () => void } | undefined

describe('scheduling a visit', () => {
  // Pays the one-off cost of transforming the page and the dialog's Element Plus parts outside any test's time limit.
  beforeAll(() => Promise.all([import('../ItemPage.vue'), import('./ScheduleVisitDialog.vue')]))
  beforeEach(() => {
    // 09:00 on 1 May in Shanghai; only the date is faked, timers run.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse('2026-05-01T01:00:00Z'))
    session.me = handler
  })
  afterEach(() => {
    // Unmounted first: a page still mounted would react to the session ending with real requests.
    mounted?.unmount()
    vi.useRealTimers()
    vi.unstubAllGlobals()
    session.me = null
    document.body.innerHTML = ''
  })

  async function openDialog(answers: Parameters<typeof fakeServer>[0] = {}) {
    const calls = fakeServer({
      'GET /api/items/5': { status: 200, body: item },
      'GET /api/visit-requests?pendingOnly=false': { status: 200, body: [] },
      'GET /api/items/5/visit-staff': { status: 200, body: staff },
      'GET /api/items/5/records': { status: 200, body: [] },
      [agendaUrl]: { status: 200, body: agenda },
      ...answers,
    })
    const page = await mountPage(ItemPage, '/items/5', '/items/:id')
    mounted = page.wrapper
    await settle(() => expect(page.wrapper.find('[data-testid="schedule-visit"]').exists()).toBe(true))
    await page.wrapper.get('[data-testid="schedule-visit"]').trigger('click')
    await settle(() => expect(all('agenda-person')).toHaveLength(2))
    return { ...page, calls }
  }

  it("shows each participant's other visits that day, and marks the one the chosen time overlaps", async () => {
    await openDialog()
    const [li, me] = all('agenda-person')
    expect(li.textContent).toContain('李建国（领衔人）')
    expect(li.textContent).toContain('14:00–14:45')
    expect(li.textContent).toContain('2026-S-0006')
    expect(me.textContent).toContain('刘伟（本人）')
    expect(me.textContent).toContain('当天没有其他回访')
    expect(all('agenda-clash')).toHaveLength(0)

    type('visit-start-time', '14:30')
    await settle(() => expect(all('agenda-clash').map((e) => e.textContent)).toEqual(['与所选时间冲突']))
  })

  it('offers only confirmed co-signers, and asks for the agenda of those chosen', async () => {
    const { calls } = await openDialog({
      'GET /api/visits/agenda?day=2026-05-01&deputyIds=1%2C5&userIds=3': { status: 200, body: agenda },
    })
    expect(all('visit-cosigner-5')).toHaveLength(1)
    expect(all('visit-cosigner-6')).toHaveLength(0)
    all('visit-cosigner-5')[0].querySelector('input')!.click()
    await settle(() => expect(all('agenda-person').map((p) => p.dataset.person)).toEqual(['deputy:1', 'user:3', 'deputy:5']))
    expect(calls.map((c) => c.url)).toContain('/api/visits/agenda?day=2026-05-01&deputyIds=1%2C5&userIds=3')
  })

  it('invites the staff chosen, and asks for their agenda too', async () => {
    const { calls } = await openDialog({
      'GET /api/visits/agenda?day=2026-05-01&deputyIds=1&userIds=3%2C8': { status: 200, body: agenda },
      'GET /api/visits/agenda?day=2026-05-01&deputyIds=1&userIds=3%2C8%2C12': { status: 200, body: agenda },
      'POST /api/items/5/visits': { status: 201, body: aVisit({ id: 7, itemId: 5 }) },
    })
    // The signed-in handler always takes part and is not offered.
    await settle(() => expect(all('visit-staff-option-8')).toHaveLength(1))
    expect(all('visit-staff-option-3')).toHaveLength(0)
    expect(all('visit-staff-option-9')).toHaveLength(1)

    all('visit-staff-option-8')[0].click()
    await settle(() => expect(all('agenda-person').map((p) => p.dataset.person)).toEqual(['deputy:1', 'user:3', 'user:8']))
    all('visit-staff-option-12')[0].click()
    await settle(() =>
      expect(all('agenda-person').map((p) => p.dataset.person)).toEqual(['deputy:1', 'user:3', 'user:8', 'user:12']),
    )
    expect(all('agenda-person')[3].textContent).toContain('孙丽（政府办公室）')
    expect(calls.map((c) => c.url)).toContain('/api/visits/agenda?day=2026-05-01&deputyIds=1&userIds=3%2C8%2C12')

    type('visit-start-time', '16:00')
    document.querySelector<HTMLElement>('[data-testid="visit-submit"]')!.click()
    await settle(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1))
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ staffUserIds: [8, 12] })
  })

  it('names the person and the time when the server refuses a clash', async () => {
    const { calls } = await openDialog({
      'POST /api/items/5/visits': {
        status: 409,
        body: {
          status: 409,
          code: 'visit_clash',
          detail: '李建国 already has a visit from 2026-05-01 14:00 to 14:45 (Asia/Shanghai) for 2026-S-0006: choose another time.',
          clash: { name: '李建国', startUtc: '2026-05-01T06:00:00Z', endUtc: '2026-05-01T06:45:00Z', itemNumber: '2026-S-0006' },
        },
      },
    })
    type('visit-start-time', '14:30')
    document.querySelector<HTMLElement>('[data-testid="visit-submit"]')!.click()

    await settle(() => expect(all('visit-error')).toHaveLength(1))
    expect(all('visit-error')[0].textContent).toContain(
      `李建国在 ${formatDateTime('2026-05-01T06:00:00Z', 'zh-CN')} 至 14:45 已有回访（2026-S-0006），时间冲突，请另选时间。`,
    )
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      phase: 'BeforeAnswer',
      method: 'Video',
      startUtc: '2026-05-01T06:30:00.000Z',
      durationMinutes: 30,
      coSignerIds: [],
      staffUserIds: [],
      location: null,
      agenda: null,
    })
  })

  it('says when the staff to invite cannot be loaded, and loads them on "Try again"', async () => {
    await openDialog({ 'GET /api/items/5/visit-staff': { status: 503 } })
    await settle(() => expect(inDialog('visit-staff-unavailable')?.textContent).toContain('暂时无法加载可邀请的工作人员'))

    const calls = fakeServer({ 'GET /api/items/5/visit-staff': { status: 200, body: staff }, [agendaUrl]: { status: 200, body: agenda } })
    inDialog('visit-staff-unavailable')!.querySelector<HTMLElement>('[data-testid="retry-note-button"]')!.click()

    await settle(() => expect(inDialog('visit-staff-unavailable')).toBeNull())
    expect(calls.map((c) => c.url)).toContain('/api/items/5/visit-staff')
  })

  it('refuses a start in the past before asking the server', async () => {
    const { calls } = await openDialog()
    type('visit-start-time', '08:30')
    document.querySelector<HTMLElement>('[data-testid="visit-submit"]')!.click()
    await settle(() => expect(document.querySelector('[data-testid="dialog-schedule-visit"]')?.textContent).toContain('开始时间须晚于现在'))
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)
  })

  it('schedules the visit, says so and shows it on the item', async () => {
    const scheduled = anItem({ ...item, visits: [{ id: 7, phase: 'BeforeAnswer', method: 'Video', state: 'Scheduled', startUtc: '2026-05-01T08:00:00Z', durationMinutes: 30, summary: null }] })
    const { wrapper } = await openDialog()
    fakeServer({
      'POST /api/items/5/visits': { status: 201, body: aVisit({ id: 7, itemId: 5 }) },
      'GET /api/items/5': { status: 200, body: scheduled },
      'GET /api/visit-requests?pendingOnly=false': { status: 200, body: [] },
      'GET /api/visits/7': { status: 200, body: aVisit({ id: 7, itemId: 5, actions: ['reschedule', 'cancel', 'join'] }) },
    })
    type('visit-start-time', '16:00')
    document.querySelector<HTMLElement>('[data-testid="visit-submit"]')!.click()

    await settle(() => expect(wrapper.get('[data-testid="item-notice"]').text()).toContain('回访已安排'))
    await settle(() => expect(wrapper.find('[data-testid="visit-7"] [data-testid="visit-reschedule"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="visit-7"] [data-testid="visit-cancel"]').exists()).toBe(true)
  })
})
