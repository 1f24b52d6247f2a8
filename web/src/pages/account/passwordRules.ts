// Mirrors the server's password policy so people see the problem before they submit.
export type PasswordProblem = 'tooShort' | 'needsDigit' | 'needsLower'

export function passwordProblem(password: string): PasswordProblem | undefined {
  if (password.length < 8) return 'tooShort'
  if (!/\d/.test(password)) return 'needsDigit'
  if (!/\p{Ll}/u.test(password)) return 'needsLower'
  return undefined
}
