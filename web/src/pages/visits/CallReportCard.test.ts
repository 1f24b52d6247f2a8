import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import type { CallReport } from '../../api/calls'
import { i18n, setLanguage } from '../../i18n'
import { fakeServer, settle } from '../../testing'
import CallReportCard from './CallReportCard.vue'

// Times in Shanghai: 10:00 is 02:00Z.
const report: CallReport = {
  participants: [
    {
      participantId: 1, displayName: '李建国', role: 'Submitter', secondsInCall: 25 * 60 + 20, inCallNow: true,
      stays: [
        { joinedAtUtc: '2026-05-01T02:00:00Z', leftAtUtc: '2026-05-01T02:05:00Z' },
        { joinedAtUtc: '2026-05-01T02:06:00Z', leftAtUtc: null },
      ],
      quality: { reportedAtUtc: '2026-05-01T02:20:00Z', durationSeconds: 840, roundTripMs: 512.4, packetLossPercent: 3.25, bitrateKbps: 410.6, relayed: true },
    },
    {
      participantId: 2, displayName: '刘伟', role: 'LeadUnit', secondsInCall: 40, inCallNow: false,
      stays: [{ joinedAtUtc: '2026-05-01T02:00:00Z', leftAtUtc: '2026-05-01T02:00:40Z' }],
      quality: { reportedAtUtc: '2026-05-01T02:00:40Z', durationSeconds: 40, roundTripMs: null, packetLossPercent: null, bitrateKbps: null, relayed: false },
    },
    { participantId: 3, displayName: '王敏', role: 'Office', secondsInCall: 0, inCallNow: false, stays: [], quality: null },
  ],
  chat: [{ id: 9, from: 1, displayName: '李建国', text: '<b>听得见</b>', sentAtUtc: '2026-05-01T02:01:00Z' }],
}

describe('the call record of a visit', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  async function show(answer: { status: number; body?: unknown }) {
    setLanguage('zh-CN')
    fakeServer({ 'GET /api/visits/7/call': answer })
    return mount(CallReportCard, { props: { visitId: 7 }, global: { plugins: [i18n] }, attachTo: document.body })
  }

  it('says for each participant how long they were in the room, when, and how their connection was', async () => {
    const card = await show({ status: 200, body: report })
    await settle(() => expect(card.find('[data-testid="call-report-person-1"]').exists()).toBe(true))
    const person = (id: number) => card.get(`[data-testid="call-report-person-${id}"]`)

    expect(person(1).get('[data-testid="report-time"]').text()).toBe('在通话中 25 分钟')
    expect(person(1).get('[data-testid="report-stays"]').text()).toBe('10:00–10:05、10:06–…')
    expect(person(1).find('[data-testid="report-in-call"]').exists()).toBe(true)
    const quality = person(1).get('[data-testid="report-quality"]')
    expect(quality.attributes('data-level')).toBe('poor')
    expect(quality.text()).toContain('往返 512 毫秒 · 丢包 3.3% · 411 kbps · 经中继服务器')

    expect(person(2).get('[data-testid="report-time"]').text()).toBe('在通话中不到 1 分钟')
    expect(person(2).get('[data-testid="report-quality"]').text()).toContain('网络情况未测得')
    expect(person(2).get('[data-testid="report-quality"]').text()).toContain('直连')
    expect(person(2).find('[data-testid="report-in-call"]').exists()).toBe(false)

    expect(person(3).get('[data-testid="report-time"]').text()).toBe('未进入通话')
    expect(person(3).find('[data-testid="report-stays"]').exists()).toBe(false)

    const chat = card.get('[data-testid="call-report-chat"]')
    expect(chat.text()).toContain('<b>听得见</b>')
    expect(chat.find('b').exists()).toBe(false)

    // While the call goes on, the record grows: asked for again.
    const later = structuredClone(report)
    later.participants[2].stays = [{ joinedAtUtc: '2026-05-01T02:30:00Z', leftAtUtc: null }]
    later.participants[2].secondsInCall = 120
    fakeServer({ 'GET /api/visits/7/call': { status: 200, body: later } })
    await card.get('[data-testid="call-report-refresh"]').trigger('click')
    await settle(() => expect(person(3).get('[data-testid="report-time"]').text()).toBe('在通话中 2 分钟'))
    card.unmount()
  })

  it('says what went wrong, and loads again on request', async () => {
    const card = await show({ status: 403, body: { status: 403, code: 'forbidden', detail: 'Your account may not do this.' } })
    await settle(() => expect(card.find('.el-alert').exists()).toBe(true))
    fakeServer({ 'GET /api/visits/7/call': { status: 200, body: report } })
    await card.get('.el-alert button').trigger('click')
    await settle(() => expect(card.find('[data-testid="call-report-person-1"]').exists()).toBe(true))
    card.unmount()
  })
})
