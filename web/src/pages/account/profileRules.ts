import type { Profile } from '../../api/account'
import { isTimeZone } from '../../time'

// The profile's rules as the server checks them (ProfileApi.cs), so people see a problem before they save.
export type ProfileField = 'email' | 'phoneNumber' | 'timeZone'
export type ProfileProblem =
  | 'emailInvalid'
  | 'emailRequired'
  | 'phoneInvalid'
  | 'phoneRequired'
  | 'timeZoneRequired'
  | 'timeZoneInvalid'

const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// A mainland mobile number (11 digits, 1 then 3–9), or an international one written with its +country code.
const mobile = /^(1[3-9]\d{9}|\+\d{7,15})$/

export function phoneDigits(value: string): string {
  return value.replace(/[\s-]/g, '')
}

export function profileProblem(field: ProfileField, profile: Profile): ProfileProblem | undefined {
  const text = (value: string | null) => (value ?? '').trim()
  switch (field) {
    case 'email':
      if (!text(profile.email)) return profile.notifyByEmail ? 'emailRequired' : undefined
      return email.test(text(profile.email)) ? undefined : 'emailInvalid'
    case 'phoneNumber':
      if (!text(profile.phoneNumber)) return profile.notifyBySms ? 'phoneRequired' : undefined
      return mobile.test(phoneDigits(text(profile.phoneNumber))) ? undefined : 'phoneInvalid'
    case 'timeZone':
      if (!text(profile.timeZone)) return 'timeZoneRequired'
      return isTimeZone(profile.timeZone) ? undefined : 'timeZoneInvalid'
  }
}

export function profileProblems(profile: Profile): Partial<Record<ProfileField, ProfileProblem>> {
  const fields: ProfileField[] = ['email', 'phoneNumber', 'timeZone']
  return Object.fromEntries(
    fields.map((field) => [field, profileProblem(field, profile)]).filter(([, problem]) => problem),
  )
}
