import { describe, expect, it } from 'vitest'
import { refusalOf } from './refusal'

const hub = (text: string) => new Error(`An unexpected error occurred invoking 'Join' on the server. HubException: ${text}`)

describe('refusals from the hub', () => {
  it('names each refusal the hub gives', () => {
    expect(refusalOf(hub('You are not a participant of this visit: open the link…'))).toBe('notParticipant')
    expect(refusalOf(hub('The room opens at 2026-11-26 10:00 UTC: come back then.'))).toBe('notYet')
    expect(refusalOf(hub('The room has closed: ask the unit to schedule another visit.'))).toBe('closed')
    expect(refusalOf(hub('The lead unit has ended this visit: ask…'))).toBe('ended')
    expect(refusalOf(hub('The room is full (6 participants).'))).toBe('full')
    expect(refusalOf(hub('This visit is not a video visit that is still to take place.'))).toBe('notVideo')
    expect(refusalOf(hub('Something new'))).toBe('other')
  })

  it('tells an unreachable server from a refusal', () => {
    expect(refusalOf(new Error('Failed to complete negotiation with the server: TypeError: Failed to fetch'))).toBe('unreachable')
  })
})
