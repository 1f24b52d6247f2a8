import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeServer, mountPage, settle } from '../../testing'
import zhCN from '../../i18n/zh-CN'
import { anItem } from '../items/testItems'
import DraftPage from './DraftPage.vue'

const draft = anItem({ id: 8, number: null, state: 'Draft', title: '关于公交站台加装雨棚的建议', body: '多个站台没有雨棚，雨天候车不便。', actions: ['edit', 'submit'] })

describe('draft page', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  async function openDraft() {
    const page = await mountPage(DraftPage, '/deputy/items/8/edit', '/deputy/items/:id/edit')
    await settle(() => expect(page.wrapper.get<HTMLInputElement>('input[data-testid="draft-title"]').element.value).toBe(draft.title))
    return page
  }

  it('shows who saved the draft first and what differs, and reloads their version', async () => {
    const calls = fakeServer({
      'GET /api/items/8': { status: 200, body: draft },
      'GET /api/deputies/directory?q=': { status: 200, body: [] },
      'PUT /api/items/8': {
        status: 409,
        body: {
          status: 409,
          code: 'edit_conflict',
          changedBy: '李建国',
          changedAtUtc: '2026-05-01T08:30:00Z',
          changes: [{ field: 'title', yours: '关于公交站台加装雨棚和座椅的建议', now: '关于公交站台加装雨棚的建议（修订）' }],
        },
      },
    })
    const { wrapper } = await openDraft()

    await wrapper.get('input[data-testid="draft-title"]').setValue('关于公交站台加装雨棚和座椅的建议')
    await wrapper.get('[data-testid="draft-save"]').trigger('submit')

    await settle(() => expect(wrapper.find('[data-testid="edit-conflict"]').exists()).toBe(true))
    const alert = wrapper.get('[data-testid="edit-conflict"]').text()
    expect(alert).toContain('李建国 于')
    expect(alert).toContain('标题：您填的是“关于公交站台加装雨棚和座椅的建议”，现在是“关于公交站台加装雨棚的建议（修订）”')
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ version: draft.version })

    await wrapper.get('[data-testid="conflict-reload"]').trigger('click')
    await settle(() => expect(wrapper.find('[data-testid="edit-conflict"]').exists()).toBe(false))
    expect(calls.filter((c) => c.method === 'GET' && c.url === '/api/items/8')).toHaveLength(2)
    expect(wrapper.get<HTMLInputElement>('input[data-testid="draft-title"]').element.value).toBe(draft.title)
  })

  it('asks before submitting, saving the draft first', async () => {
    const calls = fakeServer({
      'GET /api/items/8': { status: 200, body: draft },
      'GET /api/deputies/directory?q=': { status: 200, body: [] },
      'PUT /api/items/8': { status: 200, body: { ...draft, version: 'v2' } },
      'POST /api/items/8/submit': { status: 200, body: { ...draft, state: 'Submitted', actions: [] } },
    })
    const { wrapper, router } = await openDraft()

    await wrapper.get('[data-testid="draft-submit"]').trigger('click')
    await settle(() => expect(document.querySelector('[data-testid="dialog-submit"]')?.textContent).toContain('不能再修改'))
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(0)
    ;(document.querySelector('[data-testid="dialog-submit-confirm"]') as HTMLElement).click()

    await settle(() => expect(router.currentRoute.value.fullPath).toBe('/items/8'))
    expect(calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.url}`)).toEqual([
      'PUT /api/items/8',
      'POST /api/items/8/submit',
    ])
  })

  it('says under the co-signers when the directory cannot be searched', async () => {
    fakeServer({
      'GET /api/items/8': { status: 200, body: draft },
      'GET /api/deputies/directory?q=': { status: 503 },
    })
    const { wrapper } = await openDraft()

    const field = () => wrapper.get('[data-testid="draft-cosigners"]').element.closest('.el-form-item')?.textContent
    await settle(() => expect(field()).toContain(zhCN.errors.generic))
  })

  it('offers no form when the draft cannot be read (a save would start a second one), and a retry that reads it', async () => {
    const answers: Parameters<typeof fakeServer>[0] = {
      'GET /api/items/8': { status: 503 },
      'GET /api/deputies/directory?q=': { status: 200, body: [] },
    }
    fakeServer(answers)
    const { wrapper } = await mountPage(DraftPage, '/deputy/items/8/edit', '/deputy/items/:id/edit')
    await settle(() => expect(wrapper.find('[data-testid="draft-load-error"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="draft-save"]').exists()).toBe(false)

    answers['GET /api/items/8'] = { status: 200, body: draft }
    await wrapper.get('[data-testid="draft-load-error"] button').trigger('click')

    await settle(() => expect(wrapper.get<HTMLInputElement>('input[data-testid="draft-title"]').element.value).toBe(draft.title))
  })
})

