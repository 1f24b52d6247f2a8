import type { InboxRow, ItemDetail, ItemSummary } from '../../api/items'

// Items as the server sends them, for tests: a registered suggestion unless told otherwise.

export function aSummary(overrides: Partial<ItemSummary> = {}): ItemSummary {
  return {
    id: 1,
    number: '2026-S-0001',
    kind: 'Suggestion',
    state: 'InHandling',
    title: '关于优化公交线路的建议',
    submitterName: '李建国',
    leadUnitName: '市交通运输局',
    dueAtUtc: '2026-09-01T02:00:00Z',
    deadline: 'OnTrack',
    tags: [],
    isKey: false,
    submittedAtUtc: '2026-05-01T02:00:00Z',
    ...overrides,
  }
}

export function anInboxRow(overrides: Omit<Partial<InboxRow>, 'item'> & { item?: Partial<ItemSummary> } = {}): InboxRow {
  const { item, ...rest } = overrides
  return {
    item: aSummary(item),
    assignmentId: 10,
    role: 'Lead',
    signedFor: true,
    dueAtUtc: '2026-09-01T02:00:00Z',
    deadline: 'OnTrack',
    ...rest,
  }
}

export function anItem(overrides: Partial<ItemDetail> = {}): ItemDetail {
  return {
    id: 5,
    number: '2026-S-0005',
    sessionId: 1,
    sessionName: '市十六届人大五次会议',
    kind: 'Suggestion',
    level: 'City',
    state: 'InHandling',
    title: '关于增设社区养老服务站的建议',
    body: '建议在老旧小区增设养老服务站。',
    problem: null,
    requests: null,
    tags: [],
    isKey: false,
    handlingPlan: null,
    submittedAtUtc: '2026-03-01T02:00:00Z',
    registeredAtUtc: '2026-03-02T02:00:00Z',
    rejectionReason: null,
    closedAtUtc: null,
    underTracking: false,
    dueAtUtc: '2026-06-03T02:00:00Z',
    deadline: 'OnTrack',
    signers: [{ deputyId: 1, name: '李建国', role: 'Submitter', confirmed: true }],
    assignments: [],
    progress: [],
    opinions: [],
    unitRequests: [],
    responses: [],
    reHandlings: [],
    visits: [],
    attachments: [],
    actions: [],
    version: '00000000-0000-0000-0000-000000000001',
    ...overrides,
  }
}
