import { ref } from 'vue'
import { useErrorText } from './useErrorText'

// Loading what a page shows: `loading` is true from the start (the page shows a placeholder until the
// first answer), a refusal is said in `error` (which the next load clears), and the page shows the answer
// in `show`. When a load starts before the previous one has answered (a filter changed), only the newest
// counts: an older answer or refusal arriving later is dropped, and `loading` stays true until the newest
// answers. `failed` runs before the error is said, for a page that stops showing the old answer then.
export function useLoad() {
  const errorText = useErrorText()
  const loading = ref(true)
  const error = ref('')
  let latest = 0

  async function run<T>(fetch: () => Promise<T>, show: (answer: T) => void, failed?: () => void): Promise<void> {
    const mine = ++latest
    loading.value = true
    error.value = ''
    try {
      const answer = await fetch()
      if (mine === latest) show(answer)
    } catch (e) {
      if (mine !== latest) return
      failed?.()
      error.value = errorText(e)
    } finally {
      if (mine === latest) loading.value = false
    }
  }

  return { loading, error, run }
}
