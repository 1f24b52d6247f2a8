import { useI18n } from 'vue-i18n'
import { describeError, describeFormError } from './problem'

export function useErrorText() {
  const { t, te, locale } = useI18n()
  return (error: unknown) => describeError(error, { t, te, locale: locale.value })
}

export function useFormErrorText() {
  const { t, te, locale } = useI18n()
  return (error: unknown, fields: readonly string[]) =>
    describeFormError(error, fields, { t, te, locale: locale.value })
}
