import { useI18n } from 'vue-i18n'
import { describeError } from './problem'

export function useErrorText() {
  const { t, te, locale } = useI18n()
  return (error: unknown) => describeError(error, { t, te, locale: locale.value })
}
