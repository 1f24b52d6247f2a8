import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'
import { drawCallAfterMs, joinPreparedCall, prepareCall, takeCall } from './preparedCall'

// A call session whose state the test moves on: what "Join now" waits for.
const made = vi.hoisted(() => ({ sessions: [] as { state: { phase: string; participants: { link: string }[] } }[] }))
vi.mock('./callSession', () => ({
  createCallSession: (visitId: number) => {
    const session = {
      visitId,
      state: reactive({ phase: 'starting', participants: [] as { link: string }[] }),
      prepare() {},
      start: vi.fn(async () => {}),
      leave: async () => {},
    }
    made.sessions.push(session)
    return session
  },
}))

describe('"Join now" on the pre-call check', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    made.sessions.length = 0
    prepareCall(29)
  })
  afterEach(() => {
    takeCall(29)
    vi.useRealTimers()
  })

  async function joined() {
    let drawn = false
    const joining = joinPreparedCall(29).then(() => (drawn = true))
    await vi.advanceTimersByTimeAsync(0)
    return { state: made.sessions[0]!.state, drawn: () => drawn, joining }
  }

  it('keeps the check until Join is answered and the connections to those present are made', async () => {
    const { state, drawn, joining } = await joined()
    state.phase = 'joining'
    await vi.advanceTimersByTimeAsync(0)
    expect(drawn()).toBe(false)

    state.phase = 'open'
    state.participants.push({ link: 'connecting' })
    await vi.advanceTimersByTimeAsync(0)
    expect(drawn()).toBe(false)

    state.participants[0]!.link = 'connected'
    await joining
    expect(drawn()).toBe(true)
  })

  it('goes on at once to a lobby or a refusal', async () => {
    const { state, joining } = await joined()
    state.phase = 'lobby'
    await joining
  })

  it('goes on after a second at most, still connecting', async () => {
    const { state, drawn } = await joined()
    state.phase = 'open'
    state.participants.push({ link: 'connecting' })
    await vi.advanceTimersByTimeAsync(drawCallAfterMs - 1)
    expect(drawn()).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(drawn()).toBe(true)
  })
})
