import { describe, expect, it } from 'vitest'
import { ApiError } from './http'
import { describeError, describeFormError, formatUtc, type Translator } from './problem'
import zhCN from '../i18n/zh-CN'

// A translator over the real Chinese messages, with {named} values filled in.
function chinese(): Translator {
  const lookup = (key: string) =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], zhCN)
  return {
    locale: 'zh-CN',
    te: (key) => typeof lookup(key) === 'string',
    t: (key, named) =>
      String(lookup(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(named[name])),
  }
}

describe('describeError', () => {
  it('puts a known code in our own words', () => {
    const error = new ApiError({ status: 401, code: 'invalid_credentials', detail: 'Invalid login.' })
    expect(describeError(error, chinese())).toBe('用户名或密码错误。')
  })

  it('says until when a locked account opens again, in local time', () => {
    const until = '2030-05-01T08:30:00Z'
    const error = new ApiError({ status: 401, code: 'locked_out', lockoutEndUtc: until })
    const message = describeError(error, chinese())
    expect(message).toContain(formatUtc(until, 'zh-CN'))
    expect(message).toMatch(/^账户已被暂时锁定，请于 .+ 之后再试。$/)
  })

  it('still says the account is locked when the end time is missing', () => {
    const error = new ApiError({ status: 401, code: 'locked_out' })
    expect(describeError(error, chinese())).toBe('账户已被暂时锁定，请稍后再试。')
  })

  it("falls back to the server's detail for a code it does not know", () => {
    const error = new ApiError({ status: 409, code: 'brand_new_rule', detail: 'The visit overlaps another.' })
    expect(describeError(error, chinese())).toBe('The visit overlaps another.')
  })

  it('asks to correct the fields for a validation problem without a code', () => {
    const error = new ApiError({ status: 400, title: 'One or more validation errors occurred.', errors: { userName: ['Required'] } })
    expect(describeError(error, chinese())).toBe('请按提示修改所填内容。')
  })

  it('says the server cannot be reached when the network fails', () => {
    expect(describeError(new ApiError({ status: 0, code: 'network' }), chinese())).toBe('无法连接服务器，请检查网络后重试。')
  })

  it('otherwise says try again or contact the office', () => {
    expect(describeError(new ApiError({ status: 500 }), chinese())).toBe(zhCN.errors.generic)
    expect(describeError(new Error('boom'), chinese())).toBe(zhCN.errors.generic)
  })
})

describe('describeFormError', () => {
  const fields = ['currentPassword', 'newPassword']

  it('puts a coded problem under its field in our own words, with nothing above the form', () => {
    const error = new ApiError({
      status: 400,
      code: 'wrong_password',
      errors: { currentPassword: ['The current password is wrong.'] },
    })
    expect(describeFormError(error, fields, chinese())).toEqual({
      byField: { currentPassword: '当前密码不正确。' },
      message: '',
    })
  })

  it("translates Identity's password rules by their codes", () => {
    const error = new ApiError({
      status: 400,
      code: 'invalid',
      identityCodes: ['PasswordTooShort', 'PasswordRequiresDigit'],
      errors: { NewPassword: ['Passwords must be at least 8 characters.', 'Passwords must have at least one digit.'] },
    })
    expect(describeFormError(error, fields, chinese()).byField).toEqual({
      newPassword: '密码太短，至少 8 位。 密码须包含数字。',
    })
  })

  it("keeps the server's words when it cannot translate them, and shows those of unknown fields above", () => {
    const error = new ApiError({
      status: 400,
      code: 'invalid',
      errors: { newPassword: ['Too weak.'], '': ['Something else.'] },
    })
    expect(describeFormError(error, fields, chinese())).toEqual({
      byField: { newPassword: 'Too weak.' },
      message: 'Something else.',
    })
  })

  it('describes a problem without field errors above the form', () => {
    const error = new ApiError({ status: 400, code: 'duplicate_user', detail: "The user name 'wang' is taken." })
    expect(describeFormError(error, ['userName'], chinese())).toEqual({
      byField: {},
      message: '该用户名已被使用。',
    })
  })
})

describe('formatUtc', () => {
  it('reads a time without an offset as UTC', () => {
    expect(formatUtc('2030-05-01T08:30:00', 'en')).toBe(formatUtc('2030-05-01T08:30:00Z', 'en'))
  })

  it('ignores what is not a time', () => {
    expect(formatUtc('soon', 'en')).toBeUndefined()
    expect(formatUtc(undefined, 'en')).toBeUndefined()
  })
})
