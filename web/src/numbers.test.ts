import { describe, expect, it } from 'vitest'
import { formatFileSize, formatNumber } from './numbers'

describe('numbers', () => {
  it('groups digits and keeps the decimals asked for', () => {
    expect(formatNumber(12345.678, 'en', 1)).toBe('12,345.7')
    expect(formatNumber(12345.678, 'zh-CN', 1)).toBe('12,345.7')
    expect(formatNumber(3, 'en')).toBe('3')
  })

  it('says a file size in kilobytes or megabytes, never zero', () => {
    expect(formatFileSize(1_572_864, 'en')).toBe('1.5 MB')
    expect(formatFileSize(35 * 1024, 'en')).toBe('35 kB')
    expect(formatFileSize(10, 'en')).toBe('1 kB')
    expect(formatFileSize(1_572_864, 'zh-CN')).toMatch(/^1\.5\s?MB$/)
  })
})
