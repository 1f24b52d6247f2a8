/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The ASP.NET Core host serves the built app from its wwwroot; scripts/report-size.mjs reads the
// manifest from the same folder.
const outDir = '../src/Consultation.Server/wwwroot'
const server = 'http://localhost:5000'
// Unit tests have no use for Element Plus' CSS; leaving it out makes them start faster.
const elementPlus = ElementPlusResolver({ importStyle: process.env.VITEST ? false : 'css' })

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus is imported per component (with its CSS) so the sign-in page stays small.
    AutoImport({ resolvers: [elementPlus], dts: 'auto-imports.d.ts' }),
    // Our own components are imported explicitly; only Element Plus is resolved.
    Components({ resolvers: [elementPlus], dirs: [], dts: 'components.d.ts' }),
  ],
  define: {
    // Composition API only; drops the legacy API and devtools hooks from the bundle.
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
  },
  server: {
    // A unit test reads the server's source for the error codes it sends (src/api/problem.test.ts).
    fs: process.env.VITEST ? { allow: ['.', '../src/Consultation'] } : undefined,
    proxy: {
      '/api': server,
      '/hubs': { target: server, ws: true },
      '/health': server,
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/testSetup.ts'],
    // Node's own loader gets async-validator's CommonJS default export wrong, and Element Plus
    // then passes every form as valid; Vite's transform gets it right.
    server: { deps: { inline: ['element-plus'] } },
    // Transforming Element Plus for the first page a test file opens takes seconds on two cores.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
})
