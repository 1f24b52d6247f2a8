import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n, setLanguage } from '../../../i18n'
import RecordView from './RecordView.vue'
import { commitment, record } from './testRecords'

describe('a visit record', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the commitment being marked done as busy, and lets no other be marked meanwhile', () => {
    setLanguage('zh-CN')
    const commitments = [commitment({ id: 5, actions: ['done'] }), commitment({ id: 6, text: '增设潮汐车道', actions: ['done'] })]
    const view = mount(RecordView, { props: { record: record({ commitments }), marking: 5 }, global: { plugins: [i18n] } })

    const marking = view.get('[data-testid="commitment-5"] [data-testid="commitment-done"]')
    const other = view.get('[data-testid="commitment-6"] [data-testid="commitment-done"]')
    expect(marking.classes()).toContain('is-loading')
    expect(marking.attributes('disabled')).toBeDefined()
    expect(other.attributes('disabled')).toBeDefined()

    const idle = mount(RecordView, { props: { record: record({ commitments }) }, global: { plugins: [i18n] } })
    expect(idle.get('[data-testid="commitment-6"] [data-testid="commitment-done"]').attributes('disabled')).toBeUndefined()
  })
})
