import { http } from './http'

export interface HomeFigure {
  key: string
  value: number
}

export interface HomeSummary {
  role: string
  figures: HomeFigure[]
}

export const homeApi = {
  summary: () => http.get<HomeSummary>('/api/home'),
}
