import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { clockOffset, countdown, countdownParts, joinState, nextOffset, useServerClock, visitMoment } from './clock'
import { aVisit } from './testVisits'

const at = (iso: string) => Date.parse(iso)

describe('countdown', () => {
  it('counts whole days, hours and minutes, rounded down', () => {
    const left = countdown(at('2026-05-03T05:30:00Z'), at('2026-05-01T02:00:20Z'))!
    expect(left).toMatchObject({ days: 2, hours: 3, minutes: 29, showSeconds: false })
    expect(countdownParts(left).map((p) => p.unit)).toEqual(['days', 'hours', 'minutes'])
  })

  it('shows seconds in the last ten minutes, and not before', () => {
    const start = at('2026-05-01T02:00:00Z')
    const tenMinutesTwentySeconds = countdown(start, start - 620_000)!
    expect(countdownParts(tenMinutesTwentySeconds)).toEqual([{ unit: 'minutes', n: 10 }])
    const nineFiftyNine = countdown(start, start - 599_000)!
    expect(countdownParts(nineFiftyNine)).toEqual([
      { unit: 'minutes', n: 9 },
      { unit: 'seconds', n: 59 },
    ])
  })

  it('leaves out leading zero units but keeps the hours of a day away', () => {
    const start = at('2026-05-02T02:05:00Z')
    expect(countdownParts(countdown(start, at('2026-05-01T02:00:00Z'))!)).toEqual([
      { unit: 'days', n: 1 },
      { unit: 'hours', n: 0 },
      { unit: 'minutes', n: 5 },
    ])
  })

  it('ends at the start', () => {
    expect(countdown(at('2026-05-01T02:00:00Z'), at('2026-05-01T02:00:00Z'))).toBeUndefined()
  })
})

describe('the join button', () => {
  const visit = aVisit({ roomOpensAtUtc: '2026-05-01T01:50:00Z', startUtc: '2026-05-01T02:00:00Z', endUtc: '2026-05-01T02:45:00Z' })

  it('is closed until the room opens, open until the end, then closed again', () => {
    expect(joinState(visit, at('2026-05-01T01:49:59Z'))).toBe('notYet')
    expect(joinState(visit, at('2026-05-01T01:50:00Z'))).toBe('open')
    expect(joinState(visit, at('2026-05-01T02:44:59Z'))).toBe('open')
    expect(joinState(visit, at('2026-05-01T02:45:00Z'))).toBe('closed')
  })

  it('is not offered to someone who may not join, or for a cancelled visit', () => {
    expect(joinState({ ...visit, actions: [] }, at('2026-05-01T01:55:00Z'))).toBe('none')
    expect(joinState({ ...visit, state: 'Cancelled' }, at('2026-05-01T01:55:00Z'))).toBe('none')
  })

  it('tells upcoming, in progress and ended visits apart', () => {
    expect(visitMoment(visit, at('2026-05-01T01:59:00Z'))).toBe('upcoming')
    expect(visitMoment(visit, at('2026-05-01T02:10:00Z'))).toBe('inProgress')
    expect(visitMoment(visit, at('2026-05-01T03:00:00Z'))).toBe('ended')
    expect(visitMoment({ ...visit, state: 'Held' }, at('2026-05-01T01:00:00Z'))).toBe('ended')
  })
})

describe("the server's clock", () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('is how far the server was ahead halfway through the request', () => {
    expect(clockOffset('2026-05-01T02:00:05Z', at('2026-05-01T02:00:00Z'))).toBe(5_000)
    expect(clockOffset('2026-05-01T02:00:05Z', at('2026-05-01T02:00:00Z'), at('2026-05-01T02:00:02Z'))).toBe(4_000)
    expect(clockOffset(undefined, at('2026-05-01T02:00:00Z'))).toBe(0)
  })

  it('takes the first reading, corrections forward and large ones back, but not jitter back', () => {
    expect(nextOffset(undefined, -1_500)).toBe(-1_500)
    expect(nextOffset(2_000, 2_400)).toBe(2_400)
    expect(nextOffset(2_000, 1_200)).toBe(2_000)
    expect(nextOffset(2_000, -60_000)).toBe(-60_000)
  })

  it("ticks every second on the server's time, whatever the browser's clock says", async () => {
    // The phone's clock is two minutes slow.
    vi.setSystemTime(at('2026-05-01T01:58:00.500Z'))
    let clock!: ReturnType<typeof useServerClock>
    const wrapper = mount(defineComponent({ setup: () => ((clock = useServerClock()), () => h('span')) }))
    clock.sync('2026-05-01T02:00:00.500Z', Date.now())
    expect(clock.now.value).toBe(at('2026-05-01T02:00:00.500Z'))

    vi.advanceTimersByTime(500)
    expect(clock.now.value).toBe(at('2026-05-01T02:00:01Z'))
    vi.advanceTimersByTime(3_000)
    expect(clock.now.value).toBe(at('2026-05-01T02:00:04Z'))

    // A later answer a moment late does not turn the clock back.
    clock.sync('2026-05-01T02:00:03.200Z', Date.now())
    expect(clock.now.value).toBe(at('2026-05-01T02:00:04Z'))

    wrapper.unmount()
    vi.advanceTimersByTime(5_000)
    expect(clock.now.value).toBe(at('2026-05-01T02:00:04Z'))
  })
})
