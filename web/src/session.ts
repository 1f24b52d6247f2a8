import { reactive } from 'vue'
import { accountApi, type Me, type Role } from './api/account'
import { callsApi, type LinkSession } from './api/calls'
import { ApiError } from './api/http'
import { defaultTimeZone, setTimeZone } from './time'

// Who is signed in. Loaded once when the router starts; sign-in and sign-out replace it. Someone who
// came by a join link has no account session but a `link` session for one visit.
export const session = reactive<{ me: Me | null; link: LinkSession | null }>({ me: null, link: null })

let loaded: Promise<Me | null> | undefined

export function loadSession(): Promise<Me | null> {
  loaded ??= accountApi.me().then(
    async (me) => {
      await applyProfileTimeZone()
      return (session.me = me)
    },
    async (error: unknown) => {
      // Anything but "not signed in" is worth seeing in the console; the login page still works.
      if (!(error instanceof ApiError && error.status === 401)) console.error(error)
      session.me = null
      await loadLinkSession()
      return null
    },
  )
  return loaded
}

async function loadLinkSession() {
  try {
    session.link = await callsApi.linkSession()
  } catch {
    session.link = null
  }
}

// After a join link was redeemed: this browser now has the link's session.
export async function adoptLinkSession() {
  await loadLinkSession()
  loaded = Promise.resolve(null)
}

export async function signIn(userName: string, password: string) {
  const me = await accountApi.login(userName, password)
  await applyProfileTimeZone()
  session.me = me
  session.link = null
  loaded = Promise.resolve(me)
}

// Times are read and entered in the zone of the person's profile; without it, in the default zone.
async function applyProfileTimeZone() {
  try {
    setTimeZone((await accountApi.profile()).timeZone)
  } catch {
    setTimeZone(defaultTimeZone)
  }
}

export async function signOut() {
  try {
    await accountApi.logout()
  } finally {
    forgetSession()
  }
}

export function forgetSession() {
  session.me = null
  session.link = null
  setTimeZone(defaultTimeZone)
  loaded = Promise.resolve(null)
}

// Someone with several roles lands on the most powerful one's home.
const homes: [Role, string][] = [
  ['Admin', '/admin'],
  ['Office', '/office'],
  ['Handler', '/handler'],
  ['Deputy', '/deputy'],
]

export function homePathFor(roles: readonly Role[]): string {
  return homes.find(([role]) => roles.includes(role))?.[1] ?? '/403'
}
