import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from '../api/account'
import { onAuthProblems } from '../api/http'
import { forgetSession, loadSession, session } from '../session'
import { decideNavigation } from './guard'

const anyRole: readonly Role[] = ['Deputy', 'Handler', 'Office', 'Admin']
// The administrator sees no items (the server shows them none).
const itemRoles: readonly Role[] = ['Deputy', 'Handler', 'Office']

// Every page is its own chunk so the sign-in page and a deputy's home load only what they show.
export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('../pages/LoginPage.vue') },
  // The link in an invitation: signs the person in for that one visit, then on to its pre-call check.
  { path: '/join/:token', name: 'join-link', component: () => import('../pages/visits/JoinLinkPage.vue') },
  {
    // Full screen on a phone, for an account or a join link's session alike.
    path: '/visits/:id(\\d+)/check',
    name: 'visit-check',
    meta: { roles: itemRoles, linkSession: true },
    component: () => import('../pages/visits/check/PreCallPage.vue'),
  },
  {
    // Full screen too: going on from the check mounts the call alone, not the app's menu and header around it.
    path: '/visits/:id(\\d+)/call',
    name: 'visit-call',
    meta: { roles: itemRoles, linkSession: true },
    component: () => import('../pages/visits/VisitCallPage.vue'),
  },
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
        path: 'deputy/items',
        name: 'deputy-items',
        meta: { roles: ['Deputy'] },
        component: () => import('../pages/deputy/MyItemsPage.vue'),
      },
      {
        path: 'deputy/items/new',
        name: 'deputy-item-new',
        meta: { roles: ['Deputy'] },
        component: () => import('../pages/deputy/DraftPage.vue'),
      },
      {
        path: 'deputy/items/:id(\\d+)/edit',
        name: 'deputy-item-edit',
        meta: { roles: ['Deputy'] },
        component: () => import('../pages/deputy/DraftPage.vue'),
      },
      {
        path: 'handler',
        name: 'handler-home',
        meta: { roles: ['Handler'] },
        component: () => import('../pages/handler/HandlerHome.vue'),
      },
      {
        path: 'handler/inbox',
        name: 'handler-inbox',
        meta: { roles: ['Handler'] },
        component: () => import('../pages/handler/InboxPage.vue'),
      },
      {
        path: 'office',
        name: 'office-home',
        meta: { roles: ['Office'] },
        component: () => import('../pages/office/OfficeHome.vue'),
      },
      {
        path: 'office/items',
        name: 'office-items',
        meta: { roles: ['Office'] },
        component: () => import('../pages/office/OfficeItemsPage.vue'),
      },
      {
        path: 'office/items/new',
        name: 'office-item-register',
        meta: { roles: ['Office'] },
        component: () => import('../pages/office/RegisterPaperPage.vue'),
      },
      {
        path: 'office/import',
        name: 'office-import',
        meta: { roles: ['Office'] },
        component: () => import('../pages/office/ImportPage.vue'),
      },
      {
        path: 'items/:id(\\d+)',
        name: 'item',
        meta: { roles: itemRoles },
        component: () => import('../pages/items/ItemPage.vue'),
      },
      {
        path: 'office/settings',
        name: 'office-settings',
        meta: { roles: ['Office'] },
        component: () => import('../pages/office/OfficeSettingsPage.vue'),
      },
      // The review and its charts load as their own chunks: nobody else downloads ECharts.
      {
        path: 'review',
        name: 'review',
        meta: { roles: ['Office', 'Handler'] },
        component: () => import('../pages/review/ReviewDashboard.vue'),
      },
      {
        path: 'review/items',
        name: 'review-items',
        meta: { roles: ['Office', 'Handler'] },
        component: () => import('../pages/review/ReviewItemsPage.vue'),
      },
      {
        path: 'review/summary',
        name: 'review-summary',
        meta: { roles: ['Office', 'Handler'] },
        component: () => import('../pages/review/SummaryPage.vue'),
      },
      {
        path: 'visits',
        name: 'my-visits',
        meta: { roles: itemRoles },
        component: () => import('../pages/visits/MyVisitsPage.vue'),
      },
      {
        path: 'visits/:id(\\d+)',
        name: 'visit',
        meta: { roles: itemRoles },
        component: () => import('../pages/visits/VisitPage.vue'),
      },
      {
        path: 'notifications',
        name: 'notifications',
        component: () => import('../pages/notifications/NotificationsPage.vue'),
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
      {
        path: 'account/profile',
        name: 'profile',
        component: () => import('../pages/account/ProfilePage.vue'),
      },
    ],
  },
  {
    // Outside the app's frame: the printed file has no menu.
    path: '/items/:id(\\d+)/print',
    name: 'item-print',
    meta: { roles: itemRoles },
    component: () => import('../pages/items/print/ItemPrintPage.vue'),
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
    return decideNavigation(to, session.me, session.link)
  })

  onAuthProblems({
    unauthorized: () => {
      forgetSession()
      const current = router.currentRoute.value
      if (current.name === 'login') return
      // `expired`: the login page says why the person is asked to sign in again.
      void router.push({ name: 'login', query: { returnUrl: current.fullPath, expired: '1' } })
    },
    forbidden: () => void router.push({ name: 'forbidden' }),
  })

  return router
}
