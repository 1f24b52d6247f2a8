import { computed } from 'vue'
import { createI18n } from 'vue-i18n'
import elementZhCn from 'element-plus/es/locale/lang/zh-cn'
import elementEn from 'element-plus/es/locale/lang/en'
import zhCN from './zh-CN'
import en from './en'

export type Language = 'zh-CN' | 'en'

export const languages: readonly Language[] = ['zh-CN', 'en']
export const languageStorageKey = 'consultation.lang'

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(languageStorageKey)
    return languages.includes(value as Language) ? (value as Language) : 'zh-CN'
  } catch {
    // Storage can be blocked (private mode, strict settings); the default language still works.
    return 'zh-CN'
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLanguage(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export const currentLanguage = computed(() => i18n.global.locale.value as Language)

export const elementLocale = computed(() =>
  currentLanguage.value === 'en' ? elementEn : elementZhCn,
)

export function setLanguage(language: Language) {
  i18n.global.locale.value = language
  applyLanguage()
  try {
    localStorage.setItem(languageStorageKey, language)
  } catch {
    // Not remembered, but the switch still applies to this visit.
  }
}

export function toggleLanguage() {
  setLanguage(currentLanguage.value === 'en' ? 'zh-CN' : 'en')
}

// Screen readers and the browser's own UI (spell check, translation offers) read <html lang>.
export function applyLanguage() {
  document.documentElement.lang = currentLanguage.value
  document.title = i18n.global.t('app.name')
}
