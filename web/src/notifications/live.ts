import { reactive } from 'vue'
import type { HubConnection } from '@microsoft/signalr'
import { notificationsApi, type AppNotification } from '../api/notifications'

// The unread count behind the bell, kept live over SignalR (/hubs/notifications, `Notified`).
export const notificationState = reactive({ unread: 0 })

type Listener = (notification: AppNotification) => void
const listeners = new Set<Listener>()
let connection: HubConnection | undefined
let wanted = false
let retry: ReturnType<typeof setTimeout> | undefined
// withAutomaticReconnect gives up after about a minute; past that we keep trying, more slowly.
const restartAfterMs = 30_000

export function onNotified(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export async function refreshUnread() {
  try {
    notificationState.unread = (await notificationsApi.list(1, true)).unread
  } catch {
    // The bell keeps its last count; the next push or reconnect corrects it.
  }
}

export function markedRead(count = 1) {
  notificationState.unread = Math.max(0, notificationState.unread - count)
}

export async function startNotifications() {
  if (wanted) return
  wanted = true
  void refreshUnread()
  await connect()
}

export async function stopNotifications() {
  wanted = false
  clearTimeout(retry)
  const hub = connection
  connection = undefined
  notificationState.unread = 0
  await hub?.stop().catch(() => {})
}

async function connect() {
  // Loaded only once someone is signed in, so the sign-in page does not carry the SignalR client.
  const signalR = await import('@microsoft/signalr')
  if (!wanted) return
  const hub = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/notifications')
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build()
  hub.on('Notified', (notification: AppNotification) => {
    if (!notification.read) notificationState.unread++
    for (const listener of listeners) listener(notification)
  })
  // Pushes sent while the connection was down are in the list, not in the stream: recount.
  hub.onreconnected(() => void refreshUnread())
  hub.onclose(() => restartLater(hub))
  connection = hub
  try {
    await hub.start()
  } catch {
    restartLater(hub)
  }
}

function restartLater(hub: HubConnection) {
  if (!wanted || connection !== hub) return
  clearTimeout(retry)
  retry = setTimeout(() => {
    if (!wanted || connection !== hub) return
    connection = undefined
    void refreshUnread()
    void connect()
  }, restartAfterMs)
}
