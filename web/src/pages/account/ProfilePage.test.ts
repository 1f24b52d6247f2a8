import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Profile } from '../../api/account'
import { fakeServer, mountPage, settle } from '../../testing'
import { currentTimeZone, defaultTimeZone, setTimeZone } from '../../time'
import ProfilePage from './ProfilePage.vue'
import { profileProblem, profileProblems } from './profileRules'

const profile: Profile = {
  email: 'li@deputies.example.org',
  phoneNumber: '13800138001',
  notifyByEmail: true,
  notifyBySms: false,
  timeZone: 'Asia/Shanghai',
}

describe('the profile rules', () => {
  it('takes a complete profile', () => {
    expect(profileProblems(profile)).toEqual({})
  })

  it('needs an address for each channel switched on, and nothing for those off', () => {
    expect(profileProblem('email', { ...profile, email: '' })).toBe('emailRequired')
    expect(profileProblem('phoneNumber', { ...profile, phoneNumber: ' ', notifyBySms: true })).toBe('phoneRequired')
    expect(profileProblems({ ...profile, email: null, phoneNumber: null, notifyByEmail: false })).toEqual({})
  })

  it('checks the form of an e-mail address', () => {
    expect(profileProblem('email', { ...profile, email: 'li@deputies' })).toBe('emailInvalid')
    expect(profileProblem('email', { ...profile, email: 'li deputies.example.org' })).toBe('emailInvalid')
  })

  it('takes a mainland mobile number, spaced or not, or an international one', () => {
    expect(profileProblem('phoneNumber', { ...profile, phoneNumber: '138 0013 8001' })).toBeUndefined()
    expect(profileProblem('phoneNumber', { ...profile, phoneNumber: '+4915112345678' })).toBeUndefined()
    expect(profileProblem('phoneNumber', { ...profile, phoneNumber: '12345' })).toBe('phoneInvalid')
    expect(profileProblem('phoneNumber', { ...profile, phoneNumber: '010-65123456' })).toBe('phoneInvalid')
  })

  it('needs a time zone the browser knows', () => {
    expect(profileProblem('timeZone', { ...profile, timeZone: '' })).toBe('timeZoneRequired')
    expect(profileProblem('timeZone', { ...profile, timeZone: 'Mars/Olympus_Mons' })).toBe('timeZoneInvalid')
    expect(profileProblem('timeZone', { ...profile, timeZone: 'Europe/Berlin' })).toBeUndefined()
  })
})

describe('the profile page', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    setTimeZone(defaultTimeZone)
    document.body.innerHTML = ''
  })

  async function openPage(answers: Parameters<typeof fakeServer>[0] = {}) {
    const calls = fakeServer({ 'GET /api/account/profile': { status: 200, body: profile }, ...answers })
    const page = await mountPage(ProfilePage, '/account/profile')
    await settle(() => expect(page.wrapper.get<HTMLInputElement>('input[data-testid="profile-email"]').element.value).toBe(profile.email))
    return { ...page, calls }
  }

  it('asks for a mobile number before turning SMS on, without asking the server', async () => {
    const { wrapper, calls } = await openPage()
    await wrapper.get('input[data-testid="profile-phone"]').setValue('')
    await wrapper.get('[data-testid="profile-notify-sms"] input').setValue(true)
    await wrapper.get('form').trigger('submit')

    await settle(() => expect(wrapper.text()).toContain('选择短信通知时，请填写手机号码'))
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0)
  })

  it('says what is wrong with an e-mail address', async () => {
    const { wrapper, calls } = await openPage()
    await wrapper.get('input[data-testid="profile-email"]').setValue('li@deputies')
    await wrapper.get('form').trigger('submit')

    await settle(() => expect(wrapper.text()).toContain('请填写正确的电子邮箱'))
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0)
  })

  it('saves the profile and reads every time on the new clock at once', async () => {
    const saved = { ...profile, phoneNumber: '13900139000', notifyBySms: true, timeZone: 'Europe/Berlin' }
    const { wrapper, calls } = await openPage({ 'PUT /api/account/profile': { status: 200, body: saved } })
    await wrapper.get('input[data-testid="profile-phone"]').setValue('139 0013 9000')
    await wrapper.get('[data-testid="profile-notify-sms"] input').setValue(true)
    await wrapper.get('form').trigger('submit')

    await settle(() => expect(wrapper.find('[data-testid="profile-done"]').exists()).toBe(true))
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ ...profile, phoneNumber: '13900139000', notifyBySms: true })
    expect(currentTimeZone()).toBe('Europe/Berlin')
  })

  it("shows the server's refusal under its field", async () => {
    const { wrapper } = await openPage({
      'PUT /api/account/profile': {
        status: 400,
        body: { status: 400, code: 'invalid', errors: { timeZone: ['Choose a time zone by its IANA name, for example Asia/Shanghai.'] } },
      },
    })
    await wrapper.get('form').trigger('submit')
    await settle(() => expect(wrapper.text()).toContain('Choose a time zone by its IANA name'))
  })

  it('offers no form to save over a profile it could not read, and shows it once "Try again" reads it', async () => {
    const answers: Parameters<typeof fakeServer>[0] = { 'GET /api/account/profile': { status: 503 } }
    fakeServer(answers)
    const { wrapper } = await mountPage(ProfilePage, '/account/profile')
    await settle(() => expect(wrapper.find('[data-testid="profile-load-error"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="profile-save"]').exists()).toBe(false)

    answers['GET /api/account/profile'] = { status: 200, body: profile }
    await wrapper.get('[data-testid="profile-load-error"] button').trigger('click')

    await settle(() => expect(wrapper.get<HTMLInputElement>('input[data-testid="profile-email"]').element.value).toBe(profile.email))
    expect(wrapper.find('[data-testid="profile-load-error"]').exists()).toBe(false)
  })
})

