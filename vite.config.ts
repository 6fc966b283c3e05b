import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** The two opt-in online basemaps' tile hosts: the only places outside the app the page may ever reach. */
export const onlineTileHosts = ['https://tile.openstreetmap.org', 'https://*.tianditu.gov.cn'];

/**
 * The built page may only talk to its own origin, except the two opt-in online basemaps.
 * Added at build time only: the dev server relies on inline scripts for hot reload.
 * The single-file build (mode `offline`, scripts/build-offline.ts) writes a policy of its own.
 */
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${onlineTileHosts.join(' ')}`,
  `connect-src 'self' data: blob: ${onlineTileHosts.join(' ')}`,
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'atlas-csp',
    apply: (_config, env) => env.command === 'build' && env.mode !== 'offline',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: csp }, injectTo: 'head-prepend' }],
  };
}

// `base: './'` keeps every asset and data URL relative, so the build works from any sub-path of a portal.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    // MapLibre and React in chunks of their own: they cache across releases, and the benchmark can tell our code apart.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre)/, priority: 2 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/unit/setup.ts'],
          // Generous: a loaded 2-core machine is slow, and no unit test is about speed.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
