import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLanguage } from '../i18n'
import zhCN from '../i18n/zh-CN'
import { fakeServer } from '../testing'
import LoginPage from './LoginPage.vue'

async function openLoginPage(path = '/login') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: LoginPage },
      { path: '/:rest(.*)*', component: { render: () => null } },
    ],
  })
  await router.push(path)
  const page = mount(LoginPage, { global: { plugins: [i18n, router] }, attachTo: document.body })
  return { page, router }
}

async function signInAs(page: Awaited<ReturnType<typeof openLoginPage>>['page'], name: string, password: string) {
  await page.get('[data-testid="login-username"]').setValue(name)
  await page.get('[data-testid="login-password"]').setValue(password)
  await page.get('[data-testid="login-submit"]').trigger('submit')
  await vi.waitFor(async () => {
    await flushPromises()
    expect(page.find('.is-loading').exists()).toBe(false)
  })
}

describe('login page', () => {
  beforeEach(() => setLanguage('zh-CN'))
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('puts the test hooks on the real input elements', async () => {
    const { page } = await openLoginPage()
    expect(page.get('[data-testid="login-username"]').element.tagName).toBe('INPUT')
    expect(page.get('[data-testid="login-password"]').element.tagName).toBe('INPUT')
    expect(page.get('[data-testid="login-submit"]').element.tagName).toBe('BUTTON')
  })

  it('says the user name or password is wrong when the server answers invalid_credentials', async () => {
    const calls = fakeServer({
      'POST /api/account/login': {
        status: 401,
        body: { status: 401, title: 'Unauthorized', detail: 'Invalid login.', code: 'invalid_credentials' },
      },
    })
    const { page, router } = await openLoginPage()

    await signInAs(page, 'wang', 'not-the-password')

    expect(calls[0]).toEqual({
      method: 'POST',
      url: '/api/account/login',
      body: { userName: 'wang', password: 'not-the-password' },
    })
    await vi.waitFor(() => expect(page.find('[data-testid="login-error"]').exists()).toBe(true))
    expect(page.get('[data-testid="login-error"]').text()).toContain('用户名或密码错误，')
    expect(router.currentRoute.value.name).toBe('login')
  })

  it('says the same in English after switching language', async () => {
    fakeServer({
      'POST /api/account/login': { status: 401, body: { status: 401, code: 'invalid_credentials' } },
    })
    const { page } = await openLoginPage()
    await page.get('[data-testid="lang-switch"]').trigger('click')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem('consultation.lang')).toBe('en')

    await signInAs(page, 'wang', 'nope')

    await vi.waitFor(() => expect(page.find('[data-testid="login-error"]').exists()).toBe(true))
    expect(page.get('[data-testid="login-error"]').text()).toContain('Wrong user name or password.')
  })

  it('goes back to where the person was going after signing in', async () => {
    fakeServer({
      'POST /api/account/login': {
        status: 200,
        body: { id: 1, userName: 'wang', displayName: '王', roles: ['Deputy'], unitId: null, unitName: null, deputyId: 3 },
      },
    })
    const { page, router } = await openLoginPage('/login?returnUrl=/account/password')

    await signInAs(page, 'wang', 'secret123')

    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/account/password'))
  })

  it('says why it asks again when the session ended under the page', async () => {
    fakeServer({})
    const { page } = await openLoginPage('/login?returnUrl=/deputy&expired=1')

    expect(page.get('[data-testid="login-expired-message"]').text()).toBe(zhCN.errors.unauthenticated)
  })

  it('asks for the user name before calling the server', async () => {
    const calls = fakeServer({})
    const { page } = await openLoginPage()

    await signInAs(page, '', 'secret123')

    expect(calls).toHaveLength(0)
    await vi.waitFor(() => expect(page.text()).toContain('请输入用户名'))
  })
})
