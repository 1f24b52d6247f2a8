import type { Visit } from '../api/visits'

// A visit as /api/my/visits sends it: a video visit of the transport bureau with 李建国, unless told otherwise.
export function aVisit(overrides: Partial<Visit> = {}): Visit {
  return {
    id: 7,
    itemId: 14,
    itemNumber: '2026-S-0011',
    itemTitle: '关于缩短118路公交候车时间的建议',
    phase: 'BeforeAnswer',
    method: 'Video',
    state: 'Scheduled',
    startUtc: '2026-05-01T02:00:00Z',
    endUtc: '2026-05-01T02:45:00Z',
    durationMinutes: 45,
    roomOpensAtUtc: '2026-05-01T01:50:00Z',
    location: null,
    agenda: '向代表通报线路调整方案。',
    cancellationReason: null,
    sequence: 0,
    participants: [
      { id: 1, displayName: '李建国', role: 'Submitter', userId: 12, deputyId: 1, noShow: false },
      { id: 2, displayName: '刘伟', role: 'LeadUnit', userId: 3, deputyId: null, noShow: false },
    ],
    actions: ['join'],
    version: 'v1',
    serverNowUtc: '2026-05-01T01:00:00Z',
    ...overrides,
  }
}
