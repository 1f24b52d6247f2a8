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

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus is imported per component (with its CSS) so the sign-in page stays small.
    AutoImport({ resolvers: [ElementPlusResolver()], dts: 'auto-imports.d.ts' }),
    // Our own components are imported explicitly; only Element Plus is resolved.
    Components({ resolvers: [ElementPlusResolver()], dirs: [], dts: 'components.d.ts' }),
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
    proxy: {
      '/api': server,
      '/hubs': { target: server, ws: true },
      '/health': server,
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // Element Plus ships CSS imports inside its ES modules; let Vite handle them instead of Node.
    server: { deps: { inline: ['element-plus'] } },
  },
})
