import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, reactive, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { ElForm, ElFormItem, ElInput, type FormInstance } from 'element-plus'
import { i18n, setLanguage } from '../i18n'
import zhCN from '../i18n/zh-CN'
import { settle } from '../testing'
import { ApiError } from './http'
import { useFormSubmit } from './useFormSubmit'

// A real Element Plus form with one required field, `title`; `note` is a field the server may name too.
function mountForm(title: string) {
  let state!: ReturnType<typeof useFormSubmit>
  const Harness = defineComponent({
    setup() {
      const form = ref<FormInstance>()
      const fields = reactive({ title })
      state = useFormSubmit(form, ['title', 'note'])
      const rules = { title: [{ required: true, message: 'title required', trigger: 'blur' }] }
      return () =>
        h(ElForm, { ref: form, model: fields, rules }, () =>
          h(ElFormItem, { prop: 'title', error: state.serverErrors.value.title }, () =>
            h(ElInput, { modelValue: fields.title, 'onUpdate:modelValue': (v: string) => (fields.title = v) }),
          ),
        )
    },
  })
  const wrapper = mount(Harness, { global: { plugins: [i18n] }, attachTo: document.body })
  return { wrapper, state }
}

const refusal = (problem: ConstructorParameters<typeof ApiError>[0]) => () => Promise.reject(new ApiError(problem))

describe('sending a form', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('sends nothing while the form breaks its own rules', async () => {
    const { wrapper, state } = mountForm('')
    const send = vi.fn(async () => {})

    expect(await state.submit(send)).toBe(false)

    expect(send).not.toHaveBeenCalled()
    expect(state.busy.value).toBe(false)
    await settle(() => expect(wrapper.text()).toContain('title required'))
  })

  it('puts a refusal that names a field under that field, and nothing above the form', async () => {
    const { wrapper, state } = mountForm('Roads')

    const sent = await state.submit(refusal({ status: 400, errors: { Title: ['The title is too short.'] } }))

    expect(sent).toBe(false)
    expect(state.serverErrors.value).toEqual({ title: '请修改此项（服务器说明：The title is too short.）' })
    expect(state.error.value).toBe('')
    await settle(() => expect(wrapper.text()).toContain('The title is too short.'))
  })

  it('says a refusal that names no field of the form above it', async () => {
    setLanguage('zh-CN')
    const { state } = mountForm('Roads')

    await state.submit(refusal({ status: 400, errors: { Deadline: ['Past the cap.'] } }))
    expect(state.serverErrors.value).toEqual({})
    expect(state.error.value).toBe('请按提示修改所填内容。（服务器说明：Past the cap.）')

    await state.submit(() => Promise.reject(new Error('network down')))
    expect(state.error.value).toBe(zhCN.errors.generic)
  })

  it('sends once when tapped twice while the form checks its rules', async () => {
    const { state } = mountForm('Roads')
    const send = vi.fn(async () => {})

    const [first, second] = await Promise.all([state.submit(send), state.submit(send)])

    expect([first, second]).toEqual([true, false])
    expect(send).toHaveBeenCalledTimes(1)
    expect(state.busy.value).toBe(false)
  })

  it('ignores a second submit while the first is on its way', async () => {
    const { state } = mountForm('Roads')
    let answer!: () => void
    const send = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)))

    const first = state.submit(send)
    await vi.waitFor(() => expect(send).toHaveBeenCalled())
    expect(state.busy.value).toBe(true)
    expect(await state.submit(send)).toBe(false)
    answer()

    expect(await first).toBe(true)
    expect(send).toHaveBeenCalledTimes(1)
    expect(state.busy.value).toBe(false)
  })

  it('clears the last refusal and says so when the send goes through', async () => {
    const { state } = mountForm('Roads')
    await state.submit(refusal({ status: 400, detail: 'Not now.', errors: { Title: ['Too short.'] } }))
    expect(state.serverErrors.value.title).toContain('Too short.')

    expect(await state.submit(async () => {})).toBe(true)

    expect(state.serverErrors.value).toEqual({})
    expect(state.error.value).toBe('')
  })
})
