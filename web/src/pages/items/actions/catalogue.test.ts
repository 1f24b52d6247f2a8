import { afterEach, describe, expect, it, vi } from 'vitest'
import ItemPage from '../ItemPage.vue'
import { fakeServer, mountPage, settle } from '../../../testing'
import { anItem } from '../testItems'
import { actionButtons } from './catalogue'

describe('actionButtons', () => {
  it('offers a button for each action the server allows, in workflow order', () => {
    expect(actionButtons(['return', 'progress', 'sign']).map((b) => b.name)).toEqual(['sign', 'progress', 'return'])
  })

  it('says how each action is taken', () => {
    const styles = Object.fromEntries(
      actionButtons(['edit', 'submit', 'evaluate', 'assign', 'close']).map((b) => [b.name, b.style]),
    )
    expect(styles).toEqual({ submit: 'confirm', edit: 'page', evaluate: 'form', assign: 'dialog', close: 'confirm' })
  })

  it('marks the refusals as dangerous and the next step as primary', () => {
    const types = Object.fromEntries(actionButtons(['register', 'reject']).map((b) => [b.name, b.type]))
    expect(types).toEqual({ register: 'primary', reject: 'danger' })
  })

  it('leaves out actions it does not know rather than showing dead buttons', () => {
    expect(actionButtons(['schedule-visit', 'answer']).map((b) => b.name)).toEqual(['answer'])
  })

  it('offers nothing when the server allows nothing', () => {
    expect(actionButtons([])).toEqual([])
  })
})

describe('item page actions', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it("shows the server's allowed actions as labelled buttons, and the evaluation as a form", async () => {
    fakeServer({ 'GET /api/items/5': { status: 200, body: anItem({ state: 'Answered', actions: ['evaluate', 'progress', 'sign'] }) } })
    const { wrapper } = await mountPage(ItemPage, '/items/5', '/items/:id')

    await settle(() => expect(wrapper.find('[data-testid="item-actions"]').exists()).toBe(true))
    const buttons = wrapper.findAll('[data-testid^="action-"]')
    expect(buttons.map((b) => b.attributes('data-testid'))).toEqual(['action-sign', 'action-progress'])
    expect(buttons.map((b) => b.text())).toEqual(['签收', '填写办理进度'])
    await settle(() => expect(wrapper.find('[data-testid="evaluation-form"]').exists()).toBe(true))
  })

  it('asks before signing for an item, then shows the updated item', async () => {
    const calls = fakeServer({
      'GET /api/items/5': { status: 200, body: anItem({ state: 'Assigned', actions: ['sign'] }) },
      'POST /api/items/5/sign': { status: 200, body: anItem({ state: 'InHandling', actions: ['progress'] }) },
    })
    const { wrapper } = await mountPage(ItemPage, '/items/5', '/items/:id')
    await settle(() => expect(wrapper.find('[data-testid="action-sign"]').exists()).toBe(true))

    await wrapper.get('[data-testid="action-sign"]').trigger('click')
    await settle(() => expect(document.querySelector('[data-testid="dialog-sign-confirm"]')).not.toBeNull())
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)
    ;(document.querySelector('[data-testid="dialog-sign-confirm"]') as HTMLElement).click()

    await settle(() => expect(wrapper.get('[data-testid="item-state"]').text()).toBe('办理中'))
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual(['/api/items/5/sign'])
    expect(wrapper.get('[data-testid="item-notice"]').text()).toContain('已签收')
    expect(wrapper.find('[data-testid="action-progress"]').exists()).toBe(true)
  })

  it("shows the server's reason when an action is refused", async () => {
    fakeServer({
      'GET /api/items/5': { status: 200, body: anItem({ state: 'Answered', actions: ['close'] }) },
      'POST /api/items/5/close': {
        status: 409,
        body: { status: 409, code: 'not_now', detail: 'Only an answered or evaluated item is closed.' },
      },
    })
    const { wrapper } = await mountPage(ItemPage, '/items/5', '/items/:id')
    await settle(() => expect(wrapper.find('[data-testid="action-close"]').exists()).toBe(true))

    await wrapper.get('[data-testid="action-close"]').trigger('click')
    await settle(() => expect(document.querySelector('[data-testid="dialog-close-confirm"]')).not.toBeNull())
    ;(document.querySelector('[data-testid="dialog-close-confirm"]') as HTMLElement).click()

    await settle(() =>
      expect(document.querySelector('[data-testid="dialog-close"]')?.textContent).toContain(
        '现在不能进行此操作：Only an answered or evaluated item is closed.',
      ),
    )
  })
})
