import type { Router } from 'vue-router'
import { notificationsApi, type AppNotification } from '../api/notifications'
import { markedRead } from './live'
import { notificationTarget } from './text'

// Opens what a notification is about, marking it read on the way. Opening matters more than the mark: a mark that
// fails is corrected by the next load of the list.
export async function openNotification(n: AppNotification, router: Router) {
  if (!n.read) {
    n.read = true
    markedRead()
    notificationsApi.read(n.id).catch(() => {})
  }
  const target = notificationTarget(n)
  if (target) await router.push(target)
}
