import { describe, expect, it } from 'vitest'
import type { RouteMeta } from 'vue-router'
import type { Me, Role } from '../api/account'
import { homePathFor } from '../session'
import { decideNavigation, safeReturnUrl } from './guard'

function person(...roles: Role[]): Me {
  return { id: 1, userName: 'u', displayName: 'U', roles, unitId: null, unitName: null, deputyId: null }
}

function to(fullPath: string, meta: RouteMeta, name?: string, query: Record<string, string> = {}) {
  return { fullPath, meta, name, query }
}

describe('route guard', () => {
  it('sends someone not signed in to the login page, remembering where they were going', () => {
    const target = to('/admin/units?page=2', { roles: ['Admin'] })
    expect(decideNavigation(target, null)).toEqual({
      name: 'login',
      query: { returnUrl: '/admin/units?page=2' },
    })
  })

  it('shows 403 to someone whose role may not open the page', () => {
    expect(decideNavigation(to('/admin/units', { roles: ['Admin'] }), person('Deputy'))).toEqual({
      name: 'forbidden',
    })
  })

  it('lets someone with one of the roles through', () => {
    expect(decideNavigation(to('/office', { roles: ['Office'] }), person('Handler', 'Office'))).toBe(true)
  })

  it('lets anyone open a public page', () => {
    expect(decideNavigation(to('/403', {}, 'forbidden'), null)).toBe(true)
  })

  it('sends each role from / to its own home', () => {
    const home = to('/', { roleHome: true })
    expect(decideNavigation(home, person('Deputy'))).toBe('/deputy')
    expect(decideNavigation(home, person('Handler'))).toBe('/handler')
    expect(decideNavigation(home, person('Office'))).toBe('/office')
    expect(decideNavigation(home, person('Admin'))).toBe('/admin')
    expect(decideNavigation(home, null)).toEqual({ name: 'login' })
  })

  it('picks the first of Admin, Office, Handler, Deputy for someone with several roles', () => {
    expect(homePathFor(['Deputy', 'Office', 'Handler'])).toBe('/office')
    expect(homePathFor(['Deputy', 'Admin'])).toBe('/admin')
    expect(homePathFor([])).toBe('/403')
  })

  it('sends someone already signed in away from the login page', () => {
    const login = to('/login', {}, 'login', { returnUrl: '/account/password' })
    expect(decideNavigation(login, person('Deputy'))).toBe('/account/password')
  })
})

describe('safeReturnUrl', () => {
  it('keeps paths of this site and refuses others', () => {
    expect(safeReturnUrl('/admin/accounts?x=1')).toBe('/admin/accounts?x=1')
    expect(safeReturnUrl('//evil.example/')).toBe('/')
    expect(safeReturnUrl('/\\evil.example/')).toBe('/')
    expect(safeReturnUrl('https://evil.example/')).toBe('/')
    expect(safeReturnUrl(undefined)).toBe('/')
  })

  it("lets a join link's session into its own visit's check and call pages, and nowhere else", () => {
    const link = { visitId: 7, participantId: 3, displayName: '李建国' }
    const check = to('/visits/7/check', { roles: ['Deputy'], linkSession: true })
    expect(decideNavigation(check, null, link)).toBe(true)
    expect(decideNavigation(to('/visits/8/check', { roles: ['Deputy'], linkSession: true }), null, link)).toEqual({
      name: 'login',
      query: { returnUrl: '/visits/8/check' },
    })
    expect(decideNavigation(to('/visits/7', { roles: ['Deputy'] }), null, link)).toEqual({
      name: 'login',
      query: { returnUrl: '/visits/7' },
    })
  })
})
