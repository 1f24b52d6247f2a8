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

export const accountApi = {
  login: (userName: string, password: string) =>
    http.post<Me>('/api/account/login', { userName, password }),
  logout: () => http.post<void>('/api/account/logout'),
  me: () => http.get<Me>('/api/account/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<void>('/api/account/password', { currentPassword, newPassword }),
}
