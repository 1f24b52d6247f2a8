import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n, setLanguage } from '../../i18n'
import { fakeServer, settle } from '../../testing'
import EvaluationForm from './EvaluationForm.vue'
import { evaluationProblem, isDissatisfied } from './evaluation'
import { anItem } from './testItems'

describe('the evaluation rule', () => {
  it('needs both verdicts', () => {
    expect(evaluationProblem(undefined, 'Satisfied', '')).toBe('workRequired')
    expect(evaluationProblem('Satisfied', undefined, '')).toBe('resultRequired')
  })

  it('needs a comment when either verdict is dissatisfied', () => {
    expect(evaluationProblem('Dissatisfied', 'Satisfied', '')).toBe('commentRequired')
    expect(evaluationProblem('Satisfied', 'Dissatisfied', '   ')).toBe('commentRequired')
    expect(evaluationProblem('Dissatisfied', 'Dissatisfied', '路线仍未调整')).toBeUndefined()
  })

  it('takes satisfied and basically satisfied without a comment', () => {
    expect(evaluationProblem('Satisfied', 'BasicallySatisfied', '')).toBeUndefined()
    expect(isDissatisfied('BasicallySatisfied', 'Satisfied')).toBe(false)
  })
})

describe('the evaluation form', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  async function openForm() {
    setLanguage('zh-CN')
    const form = mount(EvaluationForm, {
      props: { item: anItem({ state: 'Answered', actions: ['evaluate'] }) },
      global: { plugins: [i18n] },
      attachTo: document.body,
    })
    await flushPromises()
    return form
  }

  async function choose(form: Awaited<ReturnType<typeof openForm>>, question: 'work' | 'result', value: string) {
    await form.get(`[data-testid="evaluation-${question}-${value}"] input`).setValue(true)
  }

  it('asks for the reason before sending a dissatisfied verdict, and says the item reopens', async () => {
    const calls = fakeServer({})
    const form = await openForm()

    await choose(form, 'work', 'Dissatisfied')
    await choose(form, 'result', 'Satisfied')
    expect(form.get('[data-testid="evaluation-reopens"]').text()).toContain('重新办理')
    await form.get('[data-testid="evaluation-submit"]').trigger('click')
    await flushPromises()

    expect(calls).toHaveLength(0)
    expect(form.get('[data-testid="evaluation-comment-error"]').text()).toBe('选择不满意时，请填写原因。')
  })

  it('sends a dissatisfied verdict with its comment', async () => {
    const calls = fakeServer({
      'POST /api/items/5/evaluation': { status: 200, body: anItem({ state: 'ReHandling' }) },
    })
    const form = await openForm()

    await choose(form, 'work', 'BasicallySatisfied')
    await choose(form, 'result', 'Dissatisfied')
    await form.get('textarea[data-testid="evaluation-comment"]').setValue('  公交线路仍未调整  ')
    await form.get('[data-testid="evaluation-submit"]').trigger('click')

    await settle(() => expect(form.emitted('done')).toHaveLength(1))
    expect(calls[0]).toEqual({
      method: 'POST',
      url: '/api/items/5/evaluation',
      body: { work: 'BasicallySatisfied', result: 'Dissatisfied', comment: '公交线路仍未调整' },
    })
  })

  it('sends a satisfied verdict without a comment and does not mention reopening', async () => {
    const calls = fakeServer({
      'POST /api/items/5/evaluation': { status: 200, body: anItem({ state: 'Evaluated' }) },
    })
    const form = await openForm()

    await choose(form, 'work', 'Satisfied')
    await choose(form, 'result', 'BasicallySatisfied')
    expect(form.find('[data-testid="evaluation-reopens"]').exists()).toBe(false)
    await form.get('[data-testid="evaluation-submit"]').trigger('click')

    await settle(() => expect(calls).toHaveLength(1))
    expect(calls[0].body).toEqual({ work: 'Satisfied', result: 'BasicallySatisfied', comment: null })
  })
})
