import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n, setLanguage } from '../../i18n'
import { settle } from '../../testing'
import ExportButtons from './ExportButtons.vue'

function serveFile(body: string, headers: Record<string, string>) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status: 200, headers })))
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:export', revokeObjectURL: () => {} }))
}

function mountButtons() {
  setLanguage('zh-CN')
  return mount(ExportButtons, { props: { table: 'items', filter: {} }, global: { plugins: [i18n] }, attachTo: document.body })
}

describe('export buttons', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('says the size and the row count with the digits grouped when the file is in', async () => {
    serveFile('x'.repeat(3 * 1024), { 'Content-Type': 'application/vnd.ms-excel', 'X-Total-Rows': '1234' })
    const buttons = mountButtons()

    await buttons.get('[data-testid="export-items-xlsx"]').trigger('click')
    await flushPromises()

    await settle(() => expect(buttons.get('[data-testid="export-items-progress"]').text()).toMatch(/^已下载 3\s?kB，共 1,234 行$/))
  })

  it('says only the size when the server does not count the rows', async () => {
    serveFile('a,b\n1,2\n', { 'Content-Type': 'text/csv' })
    const buttons = mountButtons()

    await buttons.get('[data-testid="export-items-csv"]').trigger('click')

    await settle(() => expect(buttons.get('[data-testid="export-items-progress"]').text()).toMatch(/^已下载 1\s?kB$/))
  })
})
