import type { FormRules } from 'element-plus'
import { wallTimeToUtc } from '../../../time'

// The start of a visit as entered (a date and a "HH:mm" on the reader's clock): what is wrong with it, if anything.
export type StartProblem = 'dateRequired' | 'timeRequired' | 'inPast'

export function startProblem(date: string, time: string, now = Date.now()): StartProblem | undefined {
  if (!date) return 'dateRequired'
  if (!/^\d\d:\d\d$/.test(time)) return 'timeRequired'
  return Date.parse(wallTimeToUtc(`${date} ${time}`)) <= now ? 'inPast' : undefined
}

export function startUtcOf(date: string, time: string): string {
  return wallTimeToUtc(`${date} ${time}`)
}

type Translate = (key: string) => string

// The date, time and duration rules shared by scheduling and moving a visit.
export function visitTimeRules(t: Translate, fields: () => { date: string; time: string }): FormRules {
  return {
    date: [{ required: true, message: t('schedule.dateRequired'), trigger: 'change' }],
    time: [
      { required: true, message: t('schedule.timeRequired'), trigger: 'change' },
      {
        trigger: 'change',
        validator: (_rule, _value, callback) => {
          const { date, time } = fields()
          const problem = startProblem(date, time)
          // A missing date is said under the date.
          callback(problem && problem !== 'dateRequired' ? new Error(t(`schedule.${problem}`)) : undefined)
        },
      },
    ],
    durationMinutes: [{ required: true, message: t('schedule.durationRequired'), trigger: 'change' }],
  }
}
