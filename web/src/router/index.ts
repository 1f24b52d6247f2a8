import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from '../api/account'
import { onAuthProblems } from '../api/http'
import { forgetSession, loadSession, session } from '../session'
import { decideNavigation } from './guard'

const anyRole: readonly Role[] = ['Deputy', 'Handler', 'Office', 'Admin']

// Every page is its own chunk so the sign-in page and a deputy's home load only what they show.
export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('../pages/LoginPage.vue') },
  {
    path: '/',
    component: () => import('../layouts/AppLayout.vue'),
    meta: { roles: anyRole },
    children: [
      { path: '', name: 'home', meta: { roleHome: true }, children: [] },
      {
        path: 'deputy',
        name: 'deputy-home',
        meta: { roles: ['Deputy'] },
        component: () => import('../pages/deputy/DeputyHome.vue'),
      },
      {
        path: 'handler',
        name: 'handler-home',
        meta: { roles: ['Handler'] },
        component: () => import('../pages/handler/HandlerHome.vue'),
      },
      {
        path: 'office',
        name: 'office-home',
        meta: { roles: ['Office'] },
        component: () => import('../pages/office/OfficeHome.vue'),
      },
      {
        path: 'admin',
        name: 'admin-home',
        meta: { roles: ['Admin'] },
        component: () => import('../pages/admin/AdminHome.vue'),
      },
      {
        path: 'admin/units',
        name: 'admin-units',
        meta: { roles: ['Admin'] },
        component: () => import('../pages/admin/UnitsPage.vue'),
      },
      {
        path: 'admin/accounts',
        name: 'admin-accounts',
        meta: { roles: ['Admin'] },
        component: () => import('../pages/admin/AccountsPage.vue'),
      },
      {
        path: 'account/password',
        name: 'change-password',
        component: () => import('../pages/account/ChangePasswordPage.vue'),
      },
    ],
  },
  { path: '/403', name: 'forbidden', component: () => import('../pages/ForbiddenPage.vue') },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('../pages/NotFoundPage.vue'),
  },
]

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes })

  router.beforeEach(async (to) => {
    await loadSession()
    return decideNavigation(to, session.me)
  })

  onAuthProblems({
    unauthorized: () => {
      forgetSession()
      const current = router.currentRoute.value
      if (current.name === 'login') return
      void router.push({ name: 'login', query: { returnUrl: current.fullPath } })
    },
    forbidden: () => void router.push({ name: 'forbidden' }),
  })

  return router
}
