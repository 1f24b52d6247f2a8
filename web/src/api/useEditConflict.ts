import { useI18n } from 'vue-i18n'
import { describeEditConflict } from './editConflict'

export function useEditConflict() {
  const { t, te, locale } = useI18n()
  return (error: unknown) => describeEditConflict(error, { t, te, locale: locale.value })
}
