import { reactive } from 'vue'
import { accountApi, type Me, type Role } from './api/account'
import { ApiError } from './api/http'
import { defaultTimeZone, setTimeZone } from './time'

// Who is signed in. Loaded once when the router starts; sign-in and sign-out replace it.
export const session = reactive<{ me: Me | null }>({ me: null })

let loaded: Promise<Me | null> | undefined

export function loadSession(): Promise<Me | null> {
  loaded ??= accountApi.me().then(
    async (me) => {
      await applyProfileTimeZone()
      return (session.me = me)
    },
    (error: unknown) => {
      // Anything but "not signed in" is worth seeing in the console; the login page still works.
      if (!(error instanceof ApiError && error.status === 401)) console.error(error)
      return (session.me = null)
    },
  )
  return loaded
}

export async function signIn(userName: string, password: string) {
  const me = await accountApi.login(userName, password)
  await applyProfileTimeZone()
  session.me = me
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
