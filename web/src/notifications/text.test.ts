import { describe, expect, it } from 'vitest'
import type { AppNotification, NotificationKind } from '../api/notifications'
import { chineseTranslator } from '../testing'
import { formatDate, formatDateTime } from '../time'
import { notificationText } from './text'

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
    expect(text(notification('visit-room-opened'))).toBe(`${item}有新消息。`)
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

  it('says when a visit is, from the visit notification', () => {
    const n = notification('visit-scheduled')
    n.data = { ...n.data, startUtc: '2026-05-02T02:00:00Z' }
    expect(text(n)).toBe(`${item}的回访安排在 ${formatDateTime('2026-05-02T02:00:00Z', 'zh-CN')}。`)
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
