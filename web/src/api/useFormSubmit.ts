import { ref, toValue, type MaybeRefOrGetter, type Ref } from 'vue'
import type { FormInstance } from 'element-plus'
import { useFormErrorText } from './useErrorText'

// Sending a form: its own rules first, one send at a time, and a refusal shown where it belongs
// (under the named `fields`, anything else above the form). `submit` says whether the send went through.
export function useFormSubmit(form: Ref<FormInstance | undefined>, fields: MaybeRefOrGetter<readonly string[]>) {
  const formErrorText = useFormErrorText()
  const busy = ref(false)
  const error = ref('')
  const serverErrors = ref<Record<string, string>>({})

  function clearErrors() {
    error.value = ''
    serverErrors.value = {}
  }

  async function submit(send: () => Promise<unknown>): Promise<boolean> {
    if (busy.value) return false
    clearErrors()
    // Busy from the first tap: a second one while the rules are checked sends nothing.
    busy.value = true
    try {
      if (!(await form.value?.validate().catch(() => false))) return false
      await send()
      return true
    } catch (e) {
      const { byField, message } = formErrorText(e, toValue(fields))
      serverErrors.value = byField
      error.value = message
      return false
    } finally {
      busy.value = false
    }
  }

  return { busy, error, serverErrors, clearErrors, submit }
}
