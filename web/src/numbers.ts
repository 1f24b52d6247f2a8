// Numbers as the reader writes them: digit grouping and decimals follow the language ("12,345.6").
export function formatNumber(value: number, locale: string, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value)
}

// A file's size in the reader's language: "1.2 MB", "35 KB" (at least 1 KB, so a small file does not read as empty).
export function formatFileSize(bytes: number, locale: string): string {
  const megabytes = bytes >= 1024 * 1024
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: megabytes ? 1 : 0,
  }).format(megabytes ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024)))
}
