import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The built assets ship inside the Python package (gitstudio/static/dashboard) and are
// served under a Content-Security-Policy that allows this origin only: no inline script
// or style in index.html, no data: URLs, no source maps, nothing from another host.
// BUILD_OUT_DIR lets `npm run check` build elsewhere and compare with what is committed.
const target = 'es2022';
const sourceGraphql = process.env.DASHBOARD_DEV_SERVER ?? 'http://127.0.0.1:8000';

export default defineConfig({
  base: '/',
  plugins: [preact({ devtoolsInProd: false, prefreshEnabled: true })],
  build: {
    outDir: process.env.BUILD_OUT_DIR ?? '../gitstudio/static/dashboard',
    emptyOutDir: true,
    assetsDir: 'assets',
    assetsInlineLimit: 0,
    sourcemap: false,
    target,
    modulePreload: { polyfill: false },
    cssCodeSplit: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2048,
  },
  server: {
    proxy: {
      '/graphql': { target: sourceGraphql, ws: true, changeOrigin: false },
      '/api': { target: sourceGraphql, changeOrigin: false },
      '/login': { target: sourceGraphql, changeOrigin: false },
      '/logout': { target: sourceGraphql, changeOrigin: false },
    },
  },
});
