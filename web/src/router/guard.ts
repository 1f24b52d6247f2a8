import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import type { Me, Role } from '../api/account'
import type { LinkSession } from '../api/calls'
import { homePathFor } from '../session'

declare module 'vue-router' {
  interface RouteMeta {
    // Signed-in users with any of these roles may open the route; without `roles` it is public.
    roles?: readonly Role[]
    // `/`: sends each user to their role's home.
    roleHome?: boolean
    // Also open to a join link's session, for the pages under its own visit (`/visits/<id>/…`).
    linkSession?: boolean
  }
}

type Target = Pick<RouteLocationNormalized, 'fullPath' | 'meta' | 'name' | 'query'>

export function decideNavigation(to: Target, me: Me | null, link: LinkSession | null = null): true | RouteLocationRaw {
  if (to.meta.roleHome) return me ? homePathFor(me.roles) : { name: 'login' }
  if (to.name === 'login' && me) return safeReturnUrl(to.query.returnUrl)
  const roles = to.meta.roles
  if (!roles) return true
  if (!me && link && to.meta.linkSession && to.fullPath.startsWith(`/visits/${link.visitId}/`)) return true
  if (!me) return { name: 'login', query: { returnUrl: to.fullPath } }
  return roles.some((role) => me.roles.includes(role)) ? true : { name: 'forbidden' }
}

// Only our own paths: a crafted link must not send someone off-site after signing in.
export function safeReturnUrl(value: unknown): string {
  if (typeof value !== 'string') return '/'
  return value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/'
}
