import { http } from './http'

export type Role = 'Deputy' | 'Handler' | 'Office' | 'Admin'

export interface Me {
  id: number
  userName: string
  displayName: string
  roles: Role[]
  unitId: number | null
  unitName: string | null
  deputyId: number | null
}

// Each person's contact details, the channels they want besides the notification centre, and the
// zone they read and enter times in (ProfileApi.cs).
export interface Profile {
  email: string | null
  phoneNumber: string | null
  notifyByEmail: boolean
  notifyBySms: boolean
  timeZone: string
}

export const accountApi = {
  login: (userName: string, password: string) =>
    http.post<Me>('/api/account/login', { userName, password }),
  logout: () => http.post<void>('/api/account/logout'),
  me: () => http.get<Me>('/api/account/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<void>('/api/account/password', { currentPassword, newPassword }),
  profile: () => http.get<Profile>('/api/account/profile'),
  saveProfile: (profile: Profile) => http.put<Profile>('/api/account/profile', profile),
}
