import type { Figures, MonthRow } from '../../api/review'

// ECharts options built from the figures and the UI's words, kept out of the components so they can be tested.
// Light colours on white, so the charts print as they look.

type Translate = (key: string) => string

const palette = ['#2f6fb5', '#3a9d5d', '#d9822b', '#8c5fb0', '#c0392b', '#7f8c8d']
const base = { color: palette, backgroundColor: 'transparent', animation: false, textStyle: { fontFamily: 'inherit' } }
const grid = { left: 48, right: 16, top: 40, bottom: 64, containLabel: true }

export function trendOption(months: readonly MonthRow[], t: Translate) {
  const series = (key: 'received' | 'answered' | 'visitsHeld') => ({
    name: t(`review.charts.${key}`),
    type: 'line' as const,
    data: months.map((m) => m[key]),
  })
  return {
    ...base,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [series('received'), series('answered'), series('visitsHeld')],
  }
}

export function unitsOption(units: readonly Figures[], t: Translate) {
  const series = (key: 'received' | 'answered' | 'overdue') => ({
    name: t(`review.charts.${key}`),
    type: 'bar' as const,
    data: units.map((u) => u[key]),
  })
  return {
    ...base,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: units.map((u) => u.unitName ?? ''), axisLabel: { interval: 0, rotate: units.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [series('received'), series('answered'), series('overdue')],
  }
}

export function categoryOption(figures: Figures, t: Translate) {
  const categories = ['A', 'B', 'C', 'D'] as const
  return {
    ...base,
    tooltip: {
      trigger: 'item',
      formatter: (p: { data: { meaning: string }; value: number; percent: number }) => `${p.data.meaning}: ${p.value} (${p.percent}%)`,
    },
    legend: { bottom: 0 },
    series: [
      {
        name: t('review.charts.categories'),
        type: 'pie' as const,
        radius: ['35%', '65%'],
        // The count inside its slice (names outside did not fit a narrow card and were cut); the legend names them.
        label: { position: 'inside' as const, formatter: (p: { value: number }) => (p.value > 0 ? `${p.value}` : '') },
        data: categories.map((c) => ({
          name: t(`review.ranking.columns.category${c}`),
          meaning: t(`review.categories.${c}`),
          value: figures[`category${c}`],
        })),
      },
    ],
  }
}

export function satisfactionOption(units: readonly Figures[], t: Translate) {
  return {
    ...base,
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: units.map((u) => u.unitName ?? ''), axisLabel: { interval: 0, rotate: units.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: t('review.figures.satisfactionRate.label'), type: 'bar' as const, data: units.map((u) => u.satisfactionRate) },
      { name: t('review.figures.firstTimeSatisfactionRate.label'), type: 'bar' as const, data: units.map((u) => u.firstTimeSatisfactionRate) },
    ],
  }
}
