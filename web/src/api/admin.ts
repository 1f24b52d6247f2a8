import type { Role } from './account'
import { http } from './http'

export type UnitLevel = 'City' | 'District'

export interface Unit {
  id: number
  name: string
  shortName: string
  level: UnitLevel
  isActive: boolean
}

export interface NewUnit {
  name: string
  shortName: string
  level: UnitLevel
}

export interface Account {
  id: number
  userName: string
  displayName: string
  roles: string[]
  unitId: number | null
  unitName: string | null
  deputyId: number | null
  deputyName: string | null
  isLockedOut: boolean
}

export interface NewAccount {
  userName: string
  displayName: string
  password: string
  role: Role
  unitId?: number
  deputyId?: number
}

export type DeputyBody = 'PeoplesCongress' | 'Cppcc'

export interface Deputy {
  id: number
  name: string
  body: DeputyBody
}

export const adminApi = {
  units: () => http.get<Unit[]>('/api/admin/units'),
  createUnit: (unit: NewUnit) => http.post<Unit>('/api/admin/units', unit),
  accounts: () => http.get<Account[]>('/api/admin/accounts'),
  createAccount: (account: NewAccount) => http.post<Account>('/api/admin/accounts', account),
  deputies: () => http.get<Deputy[]>('/api/admin/deputies'),
}
