import { createApp } from 'vue'
import App from './App.vue'
import { applyLanguage, i18n } from './i18n'
import { createAppRouter } from './router'
import './styles.css'

applyLanguage()
createApp(App).use(i18n).use(createAppRouter()).mount('#app')
