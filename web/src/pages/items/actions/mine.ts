import type { Assignment, ItemDetail } from '../../../api/items'
import { session } from '../../../session'

// The signed-in handler's unit's active assignment on this item, if any.
export function myAssignment(item: ItemDetail): Assignment | undefined {
  const unit = session.me?.unitId
  return unit == null ? undefined : item.assignments.find((a) => a.unitId === unit && a.state === 'Active')
}
