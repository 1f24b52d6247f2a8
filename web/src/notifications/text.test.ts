import { describe, expect, it } from 'vitest'
import type { AppNotification, NotificationKind } from '../api/notifications'
import { chineseTranslator } from '../testing'
import { formatDate, formatDateTime } from '../time'
import { notificationTarget, notificationText } from './text'

function notification(kind: string, extra: Record<string, unknown> | null = null, number: string | null = '2026-S-0012'): AppNotification {
  return {
    id: 1,
    kind,
    data: { number, title: '关于优化公交线路的建议', extra },
    itemId: 12,
    visitId: null,
    createdAtUtc: '2026-05-01T02:00:00Z',
    read: false,
  }
}

const text = (n: AppNotification) => notificationText(n, chineseTranslator())
const item = '2026-S-0012 《关于优化公交线路的建议》'

describe('notificationText', () => {
  it('has its own sentence for every kind the server sends, naming the item', () => {
    const kinds: NotificationKind[] = [
      'submitted', 'cosign-requested', 'registered', 'rejected', 'assigned', 'return-requested', 'return-approved',
      'return-refused', 'extension-requested', 'extension-approved', 'extension-refused', 'extended', 'opinion',
      'answered', 'follow-up', 'evaluated', 'rehandling', 'closed',
    ]
    for (const kind of kinds) {
      const sentence = text(notification(kind))
      expect(sentence, kind).toContain(item)
      expect(sentence, kind).not.toBe(`${item}有新消息。`)
      expect(sentence, kind).not.toMatch(/\{\w+\}|undefined/)
    }
  })

  it('fills in the unit and the category in words', () => {
    expect(text(notification('answered', { unit: '市交通运输局', category: 'B' }))).toBe(
      `市交通运输局已答复${item}（B 正在解决或列入计划解决），请查看并评价。`,
    )
  })

  it('tells the deputy the new deadline and the reason of an extension', () => {
    const due = '2026-09-30T02:00:00Z'
    expect(text(notification('extended', { reason: '需协调多个部门', dueAtUtc: due }))).toBe(
      `${item}的答复期限延长至 ${formatDate(due, 'zh-CN')}。理由：需协调多个部门`,
    )
  })

  it("adds the office's note to a decision", () => {
    expect(text(notification('return-refused', { note: '属于贵单位职责' }))).toBe(
      `政府办公室未同意退回${item}。 审批意见：属于贵单位职责`,
    )
  })

  it('names the verdicts of an evaluation', () => {
    expect(text(notification('rehandling', { work: 'BasicallySatisfied', result: 'Dissatisfied' }))).toBe(
      `${item}评价为不满意（办理工作基本满意，办理结果不满意），须重新办理。`,
    )
  })

  it('names an item without a number by its title alone', () => {
    expect(text(notification('submitted', null, null))).toBe('收到新提交的《关于优化公交线路的建议》，请登记。')
  })

  it('still names the item for a kind it does not know', () => {
    expect(text(notification('visit-recorded'))).toBe(`${item}有新消息。`)
  })
})

describe('notificationText without the full values', () => {
  it('falls back to a plain sentence rather than leaving gaps', () => {
    expect(text(notification('answered'))).toBe(`${item}已答复，请查看并评价。`)
    expect(text(notification('return-requested'))).toBe(`承办单位申请退回${item}，请审批。`)
  })

  it("tells a deputy their item was assigned, rather than asking them to sign for it", () => {
    expect(notificationText(notification('assigned'), chineseTranslator(), true)).toBe(`您的${item}已交承办单位办理。`)
    expect(text(notification('assigned'))).toBe(`新交办：${item}，请签收。`)
  })

  it('says a visit was scheduled even without its time', () => {
    const n = notification('visit-invited')
    expect(text(n)).toBe(`${item}安排了回访。`)
  })
})

// The visits' notifications carry their values at the top level (VisitJobs.cs), enums as names.
function visitNotification(kind: string, values: Record<string, unknown>): AppNotification {
  return { ...notification(kind), visitId: 7, data: { number: '2026-S-0012', title: '关于优化公交线路的建议', ...values } }
}

describe('notificationText for visits', () => {
  const startUtc = '2026-05-02T02:00:00Z'
  const start = formatDateTime(startUtc, 'zh-CN')

  it('has its own sentence for every visit kind, with the time filled in', () => {
    const kinds: NotificationKind[] = [
      'visit-invited', 'visit-changed', 'visit-reminder', 'visit-room-open', 'visit-cancelled', 'visit-no-show',
      'visit-record-due', 'visit-requested', 'visit-request-declined', 'evaluation-reminder', 'visit-waiting',
    ]
    for (const kind of kinds) {
      const sentence = text(visitNotification(kind, { startUtc, method: 'Video', missing: ['李建国'], waiting: ['李建国'], extra: { proposedTimes: '周二下午', reason: '时间冲突' } }))
      expect(sentence, kind).toContain(item)
      expect(sentence, kind).not.toBe(`${item}有新消息。`)
      expect(sentence, kind).not.toMatch(/\{\w+\}|undefined/)
    }
  })

  it('names the method of an invitation in words', () => {
    expect(text(visitNotification('visit-invited', { startUtc, method: 'Video' }))).toBe(
      `${item}的回访安排在 ${start}（屏对屏视频），请准时参加。`,
    )
  })

  it('says why a visit was moved or cancelled', () => {
    expect(text(visitNotification('visit-changed', { startUtc, method: 'Phone', reason: '代表临时外出' }))).toBe(
      `${item}的回访时间调整为 ${start}。 原因：代表临时外出`,
    )
    expect(text(visitNotification('visit-cancelled', { startUtc, method: 'Video' }))).toBe(`${item}原定 ${start} 的回访已取消。`)
  })

  it('names who did not attend', () => {
    expect(text(visitNotification('visit-no-show', { startUtc, missing: ['李建国', '王敏'] }))).toBe(
      `${item} ${start} 的回访有人未出席：李建国、王敏。请另行安排或记录回访结果。`,
    )
    expect(text(visitNotification('visit-no-show', { startUtc }))).toBe(`${item}的回访未能如期进行，请另行安排或记录回访结果。`)
  })

  it('names who waits in the lobby', () => {
    expect(text(visitNotification('visit-waiting', { startUtc, waiting: ['李建国', '王敏'] }))).toBe(
      `李建国、王敏 已在${item}视频回访（${start} 开始）的等候室等候，请尽快进入。`,
    )
    expect(text(visitNotification('visit-waiting', { startUtc }))).toBe(`有人已在${item}视频回访的等候室等候，请尽快进入。`)
  })

  it("gives the deputy's proposed times and the unit's reason for declining", () => {
    expect(text(notification('visit-requested', { proposedTimes: '下周二下午' }))).toBe(
      `代表申请就${item}见面沟通，建议时间：下周二下午。请安排回访或答复。`,
    )
    expect(text(notification('visit-request-declined', { reason: '已电话沟通' }))).toBe(
      `承办单位婉拒了${item}的见面沟通申请。理由：已电话沟通`,
    )
  })
})

describe('notificationText for the morning digests', () => {
  const digest = (kind: string, data: Record<string, unknown>): AppNotification => ({
    ...notification(kind),
    itemId: null,
    data,
  })

  it("counts and names a unit's due-soon and overdue items", () => {
    const n = digest('deadline-digest', { day: '2026-05-01', dueSoon: ['2026-S-0003'], overdue: ['2026-P-0001', '2026-E-0002'], overdueCommitments: 1 })
    expect(text(n)).toBe(
      '2026年5月1日期限提醒：即将到期 1 件，已超期 2 件，逾期未落实的回访承诺 1 项。 即将到期：2026-S-0003。 已超期：2026-P-0001、2026-E-0002。',
    )
  })

  it("counts the office's digest, whose due-soon items come as a number and commitments as a list", () => {
    const n = digest('office-digest', {
      day: '2026-05-01',
      overdue: ['2026-P-0001'],
      dueSoon: 4,
      overdueCommitments: [{ number: '2026-S-0009', text: '提供腾退进度表', dueAtUtc: '2026-04-20T10:00:00Z' }],
    })
    expect(text(n)).toBe(
      '2026年5月1日督办日报：已超期 1 件，即将到期 4 件，逾期未落实的回访承诺 1 项。 已超期：2026-P-0001。 逾期未落实的承诺：2026-S-0009 提供腾退进度表（期限 2026年4月20日）。',
    )
  })

  it("names the unit's own overdue commitments", () => {
    const n = digest('deadline-digest', {
      day: '2026-05-01',
      dueSoon: [],
      overdue: [],
      overdueCommitments: [{ itemId: 3, number: '2026-S-0003', text: '施划临时停车位', dueAtUtc: '2026-04-28T15:59:00Z' }],
    })
    expect(text(n)).toBe('2026年5月1日期限提醒：即将到期 0 件，已超期 0 件，逾期未落实的回访承诺 1 项。 逾期未落实的承诺：2026-S-0003 施划临时停车位（期限 2026年4月28日）。')
  })
})

describe('notificationText for visit records', () => {
  it('asks the deputy to confirm, and tells the unit of a remark', () => {
    const extra = { startUtc: '2026-05-01T02:00:00Z' }
    expect(text({ ...notification('visit-record-submitted'), data: { number: '2026-S-0001', title: '停车难', extra } })).toBe(
      '请确认2026-S-0001 《停车难》 2026年5月1日 10:00 的回访记录。',
    )
    expect(text({ ...notification('visit-record-remarked'), data: { number: '2026-S-0001', title: '停车难', extra: { ...extra, remark: '请按期落实' } } })).toBe(
      '代表已确认2026-S-0001 《停车难》 2026年5月1日 10:00 的回访记录，并备注：请按期落实',
    )
  })
})

describe('notificationTarget', () => {
  it('opens the visit for what a participant does, and the item for what the unit does', () => {
    expect(notificationTarget(visitNotification('visit-room-open', {}))).toBe('/visits/7')
    expect(notificationTarget(visitNotification('visit-invited', {}))).toBe('/visits/7')
    expect(notificationTarget(visitNotification('visit-waiting', {}))).toBe('/visits/7/check')
    expect(notificationTarget(visitNotification('visit-record-due', {}))).toBe('/items/12')
    expect(notificationTarget(notification('visit-requested'))).toBe('/items/12')
    expect(notificationTarget(notification('answered'))).toBe('/items/12')
  })

  it('opens the lists the digests count', () => {
    expect(notificationTarget({ ...notification('deadline-digest'), itemId: null })).toBe('/handler/inbox')
    expect(notificationTarget({ ...notification('office-digest'), itemId: null })).toBe('/office/items?overdue=true')
  })
})

describe('notificationText with enums sent as numbers', () => {
  it('reads a category or verdict by its position', () => {
    expect(text(notification('rehandling', { work: 2, result: 1 }))).toBe(
      `${item}评价为不满意（办理工作不满意，办理结果基本满意），须重新办理。`,
    )
    expect(text(notification('answered', { unit: '市教育局', category: 0 }))).toBe(
      `市教育局已答复${item}（A 已解决或基本解决），请查看并评价。`,
    )
  })
})
