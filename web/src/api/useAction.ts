import { ref } from 'vue'
import { useErrorText } from './useErrorText'

// Sending an action that has no form (a confirmation): one send at a time, a refusal said in one message.
// `run` says whether the send went through.
export function useAction() {
  const errorText = useErrorText()
  const busy = ref(false)
  const error = ref('')

  async function run(send: () => Promise<unknown>): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    error.value = ''
    try {
      await send()
      return true
    } catch (e) {
      error.value = errorText(e)
      return false
    } finally {
      busy.value = false
    }
  }

  return { busy, error, run }
}
