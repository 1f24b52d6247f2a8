import { describe, expect, it } from 'vitest'
import { ApiError } from './http'
import { describeError, describeFormError, formatUtc, type Translator } from './problem'
import zhCN from '../i18n/zh-CN'
import en from '../i18n/en'

// Translators over the real messages, with {named} values filled in.
function translatorOf(messages: object, locale: string): Translator {
  const lookup = (key: string) =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages)
  return {
    locale,
    te: (key) => typeof lookup(key) === 'string',
    t: (key, named) =>
      String(lookup(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(named[name])),
  }
}

const chinese = () => translatorOf(zhCN, 'zh-CN')
const english = () => translatorOf(en, 'en')

// Every `code` and refusal `reason` written in the server's source.
function serverCodes() {
  const sources = import.meta.glob('../../../src/Consultation/**/*.cs', { query: '?raw', import: 'default', eager: true })
  const codes = new Set<string>()
  const reasons = new Set<string>()
  for (const source of Object.values(sources) as string[]) {
    const patterns: [RegExp, Set<string>][] = [
      [/\bProblems\.(?:Of|BadRequest|Conflict)\((?:[\w.]+, )?"([a-z_]+)"/g, codes],
      [/\["code"\] = "([a-z_]+)"/g, codes],
      [/\(StatusCodes\.Status\d+\w+, "([a-z_]+)"/g, codes],
      [/=> \("([a-z_]+)", "/g, codes],
      [/Refusal\.(?:Who|When)\("([a-z_]+)"/g, reasons],
      [/new Refusal\([\w.]+, "[a-z_]+", "([a-z_]+)"/g, reasons],
    ]
    for (const [pattern, found] of patterns) for (const match of source.matchAll(pattern)) found.add(match[1])
  }
  return { codes, reasons }
}

describe('describeError', () => {
  it('puts a known code in our own words', () => {
    const error = new ApiError({ status: 401, code: 'invalid_credentials', detail: 'Invalid login.' })
    expect(describeError(error, chinese())).toBe('用户名或密码错误，请检查后重新输入（密码区分大小写）。')
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

  it('names who is busy and when for a visit clash, on the reader\'s clock', () => {
    const error = new ApiError({
      status: 409,
      code: 'visit_clash',
      detail: '李建国 already has a visit from 2026-05-01 14:00 to 14:45 (Asia/Shanghai) for 2026-S-0012: choose another time.',
      clash: { name: '李建国', startUtc: '2026-05-01T06:00:00Z', endUtc: '2026-05-01T06:45:00Z', itemNumber: '2026-S-0012' },
    })
    expect(describeError(error, chinese())).toBe(
      `李建国在 ${formatUtc('2026-05-01T06:00:00Z', 'zh-CN')} 至 14:45 已有回访（2026-S-0012），时间冲突，请另选时间。`,
    )
  })

  it("falls back to the server's words for a clash without its details", () => {
    const error = new ApiError({ status: 409, code: 'visit_clash', detail: '李建国 already has a visit then.' })
    expect(describeError(error, chinese())).toBe('时间冲突：李建国 already has a visit then.')
  })

  it("says a refused action's rule in our own words, with its dates on the reader's clock", () => {
    const error = new ApiError({
      status: 409,
      code: 'not_now',
      reason: 'extension_past_cap',
      detail: 'An answer may not be extended past 2026-08-01, 6 months after assignment: ask for that date at the latest.',
      args: { capUtc: '2026-07-31T16:30:00Z', months: 6 },
    })
    expect(describeError(error, chinese())).toBe('答复期限最长只能延至 2026年8月1日（交办后 6 个月）。')
  })

  it('names the state of a visit that can no longer be moved', () => {
    const error = new ApiError({ status: 409, code: 'not_now', reason: 'visit_not_scheduled', args: { state: 'Cancelled' } })
    expect(describeError(error, chinese())).toBe('此回访的状态为“已取消”，不能再调整或取消。请刷新页面查看最新安排。')
  })

  it("keeps the server's words for a rule it does not know yet", () => {
    const error = new ApiError({ status: 409, code: 'not_now', reason: 'brand_new_rule', detail: 'Not on Sundays.' })
    expect(describeError(error, chinese())).toBe('现在不能进行此操作：Not on Sundays. 请刷新页面查看最新状态。')
  })

  it('says a conflict it has no words for as "not now", with the server\'s detail and a reload', () => {
    const error = new ApiError({ status: 409, code: 'brand_new_rule', detail: 'The visit overlaps another.' })
    expect(describeError(error, chinese())).toBe('现在不能进行此操作：The visit overlaps another. 请刷新页面查看最新状态。')
  })

  it("says what to do for the status of a code it has no words for, then the server's detail", () => {
    const error = new ApiError({ status: 403, code: 'brand_new_scope', detail: 'Your own unit only.' })
    expect(describeError(error, chinese())).toBe(`${zhCN.errors.forbidden}（服务器说明：Your own unit only.）`)
  })

  it("gives an English reader the server's own detail for a code it has no words for", () => {
    const error = new ApiError({ status: 403, code: 'brand_new_scope', detail: 'Your own unit only.' })
    expect(describeError(error, english())).toBe('Your own unit only.')
  })

  it('says what to do for a bare status from a proxy in front of the server', () => {
    expect(describeError(new ApiError({ status: 413 }), chinese())).toBe(zhCN.errors.file_too_large)
    expect(describeError(new ApiError({ status: 404 }), chinese())).toBe(zhCN.errors.not_found)
    expect(describeError(new ApiError({ status: 405 }), chinese())).toBe(zhCN.errors.bad_request)
    expect(describeError(new ApiError({ status: 502 }), chinese())).toBe(zhCN.errors.generic)
  })

  it('tells a handler looking at another unit\'s figures how to see their own', () => {
    const error = new ApiError({ status: 403, code: 'other_unit', detail: "You see your own unit's figures only." })
    expect(describeError(error, chinese())).toBe('您只能查看本单位的统计。请从菜单重新打开“办理情况分析”，不要带其他单位的筛选条件。')
  })

  it('says which attachments cannot go with an answer, in our own words', () => {
    const error = new ApiError({ status: 400, code: 'invalid', reason: 'attachments_not_yours', detail: 'attachmentIds: 7 cannot go with this answer.' })
    expect(describeError(error, chinese())).toBe(zhCN.refusals.attachments_not_yours)
  })

  it('has words for every code and refusal the server sends, or leaves it to the page that expects it', () => {
    const sent = serverCodes()
    expect(sent.codes.size).toBeGreaterThan(20)
    expect(sent.reasons.size).toBeGreaterThan(20)
    const handledByTheirPage = [
      'join_link_used', 'join_link_expired', 'join_link_unknown', // JoinLinkPage sends the person to sign in, saying why
      'not_participant', // PreCallPage
      'room_closed', // ConnectivityCheck
      'method_not_allowed', 'unsupported_media_type', // only a broken client meets these: the status says "reload"
    ]
    const speechless = [...sent.codes].filter((code) => !(code in zhCN.errors) && !handledByTheirPage.includes(code))
    expect(speechless).toEqual([])
    expect([...sent.reasons].filter((reason) => !(reason in zhCN.refusals))).toEqual([])
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
      byField: { currentPassword: '当前密码不正确，请重新输入。' },
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

  it("says in Chinese to correct a field whose server words it cannot translate, with those words after, and shows unknown fields' above", () => {
    const error = new ApiError({
      status: 400,
      code: 'invalid',
      errors: { newPassword: ['Too weak.'], '': ['Something else.'] },
    })
    expect(describeFormError(error, fields, chinese())).toEqual({
      byField: { newPassword: '请修改此项（服务器说明：Too weak.）' },
      message: '请按提示修改所填内容。（服务器说明：Something else.）',
    })
  })

  it("gives an English reader the server's field words as they are", () => {
    const error = new ApiError({
      status: 400,
      code: 'invalid',
      errors: { newPassword: ['Too weak.'], '': ['Something else.'] },
    })
    expect(describeFormError(error, fields, english())).toEqual({ byField: { newPassword: 'Too weak.' }, message: 'Something else.' })
  })

  it('describes a problem without field errors above the form', () => {
    const error = new ApiError({ status: 400, code: 'duplicate_user', detail: "The user name 'wang' is taken." })
    expect(describeFormError(error, ['userName'], chinese())).toEqual({
      byField: {},
      message: '该用户名已被使用，请换一个用户名。',
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
