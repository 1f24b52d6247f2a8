import type { DeadlineStatus, InboxRow, ItemState } from '../../api/items'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export interface Badge {
  type: TagType
  // An i18n key.
  label: string
}

// "Overdue" and "due soon" come computed from the server; an item with no open deadline shows nothing.
export function deadlineBadge(status: DeadlineStatus): Badge | undefined {
  switch (status) {
    case 'Overdue':
      return { type: 'danger', label: 'deadline.Overdue' }
    case 'DueSoon':
      return { type: 'warning', label: 'deadline.DueSoon' }
    case 'OnTrack':
      return { type: 'success', label: 'deadline.OnTrack' }
    default:
      return undefined
  }
}

// What a unit's inbox row says besides its deadline: whether the unit has signed for the item yet.
export function signedBadge(row: Pick<InboxRow, 'signedFor'>): Badge {
  return row.signedFor ? { type: 'info', label: 'inbox.signed' } : { type: 'warning', label: 'inbox.notSigned' }
}

export type InboxFilter = 'all' | 'unsigned' | 'dueSoon' | 'overdue'

export function inboxFilter(filter: InboxFilter): (row: Pick<InboxRow, 'deadline' | 'signedFor'>) => boolean {
  switch (filter) {
    case 'unsigned':
      return (row) => !row.signedFor
    case 'dueSoon':
      return (row) => row.deadline === 'DueSoon'
    case 'overdue':
      return (row) => row.deadline === 'Overdue'
    default:
      return () => true
  }
}

const stateTypes: Record<ItemState, TagType> = {
  Draft: 'info',
  Submitted: 'primary',
  Rejected: 'danger',
  Registered: 'primary',
  Assigned: 'primary',
  InHandling: 'primary',
  Answered: 'success',
  Evaluated: 'success',
  ReHandling: 'warning',
  Closed: 'info',
}

export function stateTagType(state: ItemState): TagType {
  return stateTypes[state] ?? 'info'
}
