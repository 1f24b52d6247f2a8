import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportLineError } from '../../api/imports'
import { fakeServer, mountPage, settle } from '../../testing'
import zhCN from '../../i18n/zh-CN'
import ImportPage from './ImportPage.vue'

const kindUnknown: ImportLineError = {
  line: 3,
  field: 'kind',
  message: "类别 '意见' is not a kind of item: write 建议, 提案 or 督办直通车 (Suggestion, Proposal or Express).",
  code: 'import_kind_unknown',
  args: { column: '类别', text: '意见' },
}
const unknownToThisPage: ImportLineError = {
  line: 4,
  field: 'submitter',
  message: '领衔人 is not allowed on Sundays.',
  code: 'import_brand_new_rule',
  args: { column: '领衔人' },
}

async function choose(wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper']) {
  const input = wrapper.get('[data-testid="import-file"]')
  Object.defineProperty(input.element, 'files', { value: [new File(['类别,标题'], '第一批.csv')] })
  await input.trigger('change')
}

const errorRows = () => [...document.querySelectorAll('[data-testid="import-errors"] tbody tr')].map((row) =>
  [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim()),
)

describe('import page', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it("lists a preview's line errors in Chinese, and a code it has no words for in the server's words", async () => {
    const calls = fakeServer({
      'POST /api/office/import/preview': {
        status: 200,
        body: { fileName: '第一批.csv', rows: [], errors: [kindUnknown, unknownToThisPage], newCount: 0, existingCount: 0 },
      },
    })
    const { wrapper } = await mountPage(ImportPage, '/office/import')

    await choose(wrapper)

    await settle(() => expect(errorRows()).toHaveLength(2))
    expect(calls.map((c) => c.body)).toEqual([{ file: '第一批.csv' }])
    expect(errorRows()).toEqual([
      ['3', '类别', '“类别”填写的“意见”不是件的类别：请填写建议、提案或督办直通车。'],
      ['4', '领衔人', '领衔人 is not allowed on Sundays.'],
    ])
    expect(wrapper.get('[data-testid="import-run"]').attributes('disabled')).toBeDefined()
  })

  it('lists the line errors of a refused import in Chinese too', async () => {
    const preview = { fileName: '第一批.csv', rows: [{ line: 2, kind: 'Suggestion', level: 'City', title: '关于增设养老服务站的建议', submitter: '李建国', coSigners: [], status: 'new' }], errors: [], newCount: 1, existingCount: 0 }
    fakeServer({
      'POST /api/office/import/preview': { status: 200, body: preview },
      // The file changed between the preview and the import.
      'POST /api/office/import': { status: 400, body: { status: 400, code: 'import_invalid', detail: 'The file has 1 problem(s).', errors: [kindUnknown] } },
    })
    const { wrapper } = await mountPage(ImportPage, '/office/import')
    await choose(wrapper)
    await settle(() => expect(wrapper.get('[data-testid="import-run"]').attributes('disabled')).toBeUndefined())

    await wrapper.get('[data-testid="import-run"]').trigger('click')

    await settle(() => expect(errorRows()).toHaveLength(1))
    expect(errorRows()[0][2]).toBe('“类别”填写的“意见”不是件的类别：请填写建议、提案或督办直通车。')
    expect(wrapper.get('[data-testid="import-error"]').text()).toContain(zhCN.errors.import_invalid)
  })
})
