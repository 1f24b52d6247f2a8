// Prints the gzipped JavaScript a browser downloads to show the sign-in page and a deputy's home,
// and fails the build when either passes the budget (deputies are often on slow phones).
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const budgetKb = 250
// Same folder as build.outDir in vite.config.ts.
const outDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/Consultation.Server/wwwroot')
const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'))

// The lazy chunks each route loads besides the entry, named by their source files.
const routes = {
  'sign-in': ['src/pages/LoginPage.vue'],
  'deputy home': ['src/layouts/AppLayout.vue', 'src/pages/deputy/DeputyHome.vue'],
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry)
if (!entryKey) fail('no entry chunk in the Vite manifest')

function withStaticImports(key, files) {
  const chunk = manifest[key]
  if (!chunk) fail(`${key} is not in the Vite manifest`)
  if (files.has(chunk.file)) return files
  files.add(chunk.file)
  for (const imported of chunk.imports ?? []) withStaticImports(imported, files)
  return files
}

function gzippedKb(files) {
  let bytes = 0
  for (const file of files) {
    if (file.endsWith('.js')) bytes += gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length
  }
  return bytes / 1024
}

function fail(message) {
  console.error(`report-size: ${message}`)
  process.exit(1)
}

const sizes = Object.entries(routes).map(([name, keys]) => {
  const files = new Set()
  for (const key of [entryKey, ...keys]) withStaticImports(key, files)
  return { name, kb: gzippedKb(files) }
})

console.log(
  `gzipped JS: ${sizes.map(({ name, kb }) => `${name} ${kb.toFixed(1)} KB`).join(', ')}` +
    ` (target <= ${budgetKb} KB each)`,
)
const over = sizes.filter(({ kb }) => kb > budgetKb)
if (over.length > 0) fail(`over budget: ${over.map(({ name }) => name).join(', ')}`)
