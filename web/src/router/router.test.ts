import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeServer } from '../testing'

const deputy = {
  id: 7,
  userName: 'wang',
  displayName: '王代表',
  roles: ['Deputy'],
  unitId: null,
  unitName: null,
  deputyId: 3,
}

// The session is loaded once per page load, so each test starts from fresh modules.
async function freshRouter() {
  vi.resetModules()
  const { createAppRouter } = await import('./index')
  return createAppRouter()
}

describe('router', () => {
  // Pays the one-off cost of transforming Element Plus outside any test's time limit.
  beforeAll(() => import('../pages/LoginPage.vue'))
  beforeEach(() => history.replaceState(null, '', '/'))
  afterEach(() => vi.unstubAllGlobals())

  it('sends someone not signed in to the login page with a return address', async () => {
    fakeServer({ 'GET /api/account/me': { status: 401 } })
    const router = await freshRouter()
    await router.push('/admin/accounts')
    expect(router.currentRoute.value.fullPath).toBe('/login?returnUrl=/admin/accounts')
  })

  it("sends a deputy from / to the deputy's home", async () => {
    fakeServer({ 'GET /api/account/me': { status: 200, body: deputy } })
    const router = await freshRouter()
    await router.push('/')
    expect(router.currentRoute.value.path).toBe('/deputy')
  })

  it('shows 403 to a deputy who opens an admin page', async () => {
    fakeServer({ 'GET /api/account/me': { status: 200, body: deputy } })
    const router = await freshRouter()
    await router.push('/admin/units')
    expect(router.currentRoute.value.name).toBe('forbidden')
  })

  it('asks the server who is signed in only once', async () => {
    const calls = fakeServer({ 'GET /api/account/me': { status: 200, body: deputy } })
    const router = await freshRouter()
    await router.push('/')
    await router.push('/account/password')
    expect(calls.filter((call) => call.url === '/api/account/me')).toHaveLength(1)
  })

  it('goes to the login page when a later call finds the session expired', async () => {
    fakeServer({
      'GET /api/account/me': { status: 200, body: deputy },
      'GET /api/home': { status: 401 },
    })
    const router = await freshRouter()
    await router.push('/deputy')
    const { homeApi } = await import('../api/home')
    await expect(homeApi.summary()).rejects.toThrow()
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'))
    expect(router.currentRoute.value.query.returnUrl).toBe('/deputy')
    expect(router.currentRoute.value.query.expired).toBe('1')
  })

  it("lets a deputy open an item page and their own list, but not the office's list", async () => {
    fakeServer({ 'GET /api/account/me': { status: 200, body: deputy } })
    const router = await freshRouter()
    await router.push('/items/5')
    expect(router.currentRoute.value.name).toBe('item')
    await router.push('/deputy/items')
    expect(router.currentRoute.value.name).toBe('deputy-items')
    await router.push('/office/items')
    expect(router.currentRoute.value.name).toBe('forbidden')
  })

  it('shows an unknown address as 404', async () => {
    fakeServer({ 'GET /api/account/me': { status: 401 } })
    const router = await freshRouter()
    await router.push('/no/such/page')
    expect(router.currentRoute.value.name).toBe('not-found')
  })
})
