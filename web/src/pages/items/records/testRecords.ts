import type { Commitment, VisitRecord, VisitRecords } from '../../../api/visitRecords'

// Sample visit records for tests: a confirmed phone record with one commitment, and a video visit to write up.
export const commitment = (over: Partial<Commitment> = {}): Commitment => ({
  id: 5,
  text: '施划临时停车位',
  ownerUnitId: 2,
  ownerUnitName: '市交通运输局',
  dueAtUtc: '2026-04-20T10:00:00Z',
  doneAtUtc: null,
  tracked: true,
  overdue: false,
  actions: [],
  version: 'v5',
  ...over,
})

export const record = (over: Partial<VisitRecord> = {}): VisitRecord => ({
  id: 9,
  visitId: 3,
  itemId: 1,
  amendsRecordId: null,
  state: 'Confirmed',
  methodUsed: 'Phone',
  participants: '李建国、王明',
  deputyOpinion: '希望尽快施划。',
  explained: null,
  authorName: '王明',
  writtenAtUtc: '2026-04-01T02:00:00Z',
  submittedAtUtc: '2026-04-01T03:00:00Z',
  confirmedAtUtc: '2026-04-02T03:00:00Z',
  confirmedByName: '李建国',
  deputyRemark: null,
  commitments: [commitment()],
  actions: ['amend'],
  version: 'v9',
  ...over,
})

export const visit = (over: Partial<VisitRecords> = {}): VisitRecords => ({
  visitId: 3,
  itemId: 1,
  method: 'Video',
  state: 'NoShow',
  startUtc: '2026-04-01T01:00:00Z',
  records: [],
  actions: ['write'],
  draft: { people: ['李建国', '王明 (市交通运输局)'], methodUsed: 'Phone', videoFailed: true },
  ownerUnits: [{ id: 2, name: '市交通运输局', role: 'Lead' }],
  ...over,
})
