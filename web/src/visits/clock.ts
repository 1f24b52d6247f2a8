import { onMounted, onUnmounted, ref } from 'vue'
import type { Visit } from '../api/visits'
import { utcMillis } from '../time'

// Countdowns and the join button run on the server's clock: a phone's clock may be minutes off, and the
// room opens by the server's. Each answer carries `serverNowUtc`; the difference to the browser's clock
// halfway through the request corrects every later reading.

// Milliseconds to add to the browser's clock to read the server's. The server read its clock somewhere
// between the request leaving and the answer arriving: the middle is the best guess.
export function clockOffset(serverNowUtc: string | undefined, sentAt: number, receivedAt = sentAt): number {
  const server = utcMillis(serverNowUtc)
  return server === undefined ? 0 : server - (sentAt + receivedAt) / 2
}

// A later answer that puts the clock back by less than this is network jitter, not a correction: taking it
// would make a countdown tick up, or close again a room that just opened.
export const jitterMs = 5_000

export function nextOffset(current: number | undefined, measured: number): number {
  if (current === undefined) return measured
  return measured < current && current - measured < jitterMs ? current : measured
}

export interface Countdown {
  // Whole units left, largest first; `seconds` only counts in the last ten minutes.
  days: number
  hours: number
  minutes: number
  seconds: number
  showSeconds: boolean
}

// Seconds appear when the start is this close: the room opens then, and waiting is measured in seconds.
export const secondsShownWithin = 10 * 60_000

// What is left until `target`, in whole units (rounded down: "10 分" with 10 min 20 s to go);
// undefined once it is reached.
export function countdown(target: number, now: number): Countdown | undefined {
  const left = target - now
  if (left <= 0) return undefined
  const totalSeconds = Math.floor(left / 1000)
  return {
    days: Math.floor(totalSeconds / 86_400),
    hours: Math.floor((totalSeconds % 86_400) / 3_600),
    minutes: Math.floor((totalSeconds % 3_600) / 60),
    seconds: totalSeconds % 60,
    showSeconds: left <= secondsShownWithin,
  }
}

// The parts a countdown shows, largest first, without leading zeros ("2 天 0 小时 5 分", "3 小时 5 分", "9 分 59 秒").
export function countdownParts(left: Countdown): { unit: 'days' | 'hours' | 'minutes' | 'seconds'; n: number }[] {
  const parts: { unit: 'days' | 'hours' | 'minutes' | 'seconds'; n: number }[] = []
  if (left.days > 0) parts.push({ unit: 'days', n: left.days })
  if (left.days > 0 || left.hours > 0) parts.push({ unit: 'hours', n: left.hours })
  parts.push({ unit: 'minutes', n: left.minutes })
  if (left.showSeconds) parts.push({ unit: 'seconds', n: left.seconds })
  return parts
}

export type VisitMoment = 'upcoming' | 'inProgress' | 'ended'

export function visitMoment(visit: Pick<Visit, 'startUtc' | 'endUtc' | 'state'>, now: number): VisitMoment {
  if (visit.state !== 'Scheduled') return 'ended'
  const start = utcMillis(visit.startUtc) ?? 0
  const end = utcMillis(visit.endUtc) ?? start
  return now < start ? 'upcoming' : now < end ? 'inProgress' : 'ended'
}

export type JoinState = 'none' | 'notYet' | 'open' | 'closed'

// A participant of a scheduled video visit may join from the room's opening until its end.
export function joinState(visit: Pick<Visit, 'actions' | 'roomOpensAtUtc' | 'endUtc' | 'state'>, now: number): JoinState {
  if (!visit.actions.includes('join') || visit.state !== 'Scheduled') return 'none'
  const opens = utcMillis(visit.roomOpensAtUtc) ?? Number.POSITIVE_INFINITY
  const end = utcMillis(visit.endUtc) ?? opens
  return now < opens ? 'notYet' : now < end ? 'open' : 'closed'
}

// The server's "now", ticking on each whole second; `sync` with every answer that carries the server's time.
export function useServerClock() {
  let offset: number | undefined
  const now = ref(Date.now())
  let timer: ReturnType<typeof setTimeout> | undefined

  const read = () => Date.now() + (offset ?? 0)
  function tick() {
    now.value = read()
    clearTimeout(timer)
    // The next whole second of the server's clock, so a room opens on the second it should.
    timer = setTimeout(tick, 1000 - (now.value % 1000))
  }
  // A phone puts a page in the background to sleep; on return the countdown must not show stale time.
  const wake = () => document.visibilityState === 'visible' && tick()

  // `sentAt`: the browser's clock when the request that brought `serverNowUtc` left.
  function sync(serverNowUtc: string | undefined, sentAt: number) {
    if (serverNowUtc === undefined) return
    offset = nextOffset(offset, clockOffset(serverNowUtc, sentAt, Date.now()))
    tick()
  }

  onMounted(() => {
    tick()
    document.addEventListener('visibilitychange', wake)
  })
  onUnmounted(() => {
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', wake)
  })
  return { now, sync }
}
