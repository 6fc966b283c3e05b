import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { en } from './src/i18n/en.js';
import { zh } from './src/i18n/zh.js';

/** The two opt-in online basemaps' tile hosts: the only places outside the app the page may ever reach. */
export const onlineTileHosts = ['https://tile.openstreetmap.org', 'https://*.tianditu.gov.cn'];

/**
 * The built page may only talk to its own origin, except the two opt-in online basemaps.
 * Added at build time only: the dev server relies on inline scripts for hot reload.
 * The single-file build (mode `offline`, scripts/build-offline.ts) writes a policy of its own.
 */
/** The boot script, inlined in the page so it runs even when no file of the app can be fetched (see bootFallback). */
const bootScript = readFileSync(new URL('./public/boot.js', import.meta.url), 'utf8');
const bootHash = `'sha256-${createHash('sha256').update(bootScript).digest('base64')}'`;

const csp = [
  "default-src 'self'",
  `script-src 'self' ${bootHash}`,
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${onlineTileHosts.join(' ')}`,
  `connect-src 'self' data: blob: ${onlineTileHosts.join(' ')}`,
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  // Nothing the page has no use for: plugins, a <base> that would move every relative URL, form posts.
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** The plugin (exported for its test) that writes the policy above as the first meta tag of the hosted build's page. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'atlas-csp',
    apply: (_config, env) => env.command === 'build' && env.mode !== 'offline',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: csp }, injectTo: 'head-prepend' }],
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What the page shows when the app itself cannot start, e.g. in an iframe sandboxed without allow-same-origin,
 * where the browser refuses the app's own scripts and styles: plain HTML with inline styles, in both languages
 * and for each reason (the words are the language files'), revealed by the boot script (public/boot.js), inlined
 * so that it runs where the app's files cannot be fetched. The reader gets one line and the link; the site's
 * editor the advice, in smaller type.
 */
function bootFallback(): Plugin {
  const block = (t: typeof zh | typeof en, lang: string, reason: 'sandbox' | 'failed') =>
    `<div lang="${lang}" data-lang="${t === zh ? 'zh' : 'en'}" data-reason="${reason}" hidden><p style="margin:0 0 6px;font-weight:700">${escapeHtml(t.appTitle)}</p><p style="margin:0 0 10px">${escapeHtml(reason === 'sandbox' ? t.bootSandboxReader : t.bootFailedReader)} <a class="boot-open" target="_blank" rel="noopener" style="color:#1c5d99">${escapeHtml(t.sandboxOpen)} ↗</a></p><p style="margin:0;font-size:13px;line-height:1.5;color:#5f574c">${escapeHtml(reason === 'sandbox' ? t.bootSandboxEditor : t.bootFailedEditor)}</p></div>`;
  const blocks = [block(zh, 'zh-CN', 'sandbox'), block(zh, 'zh-CN', 'failed'), block(en, 'en', 'sandbox'), block(en, 'en', 'failed')].join('');
  const html = `<div id="boot-fallback" role="alert" hidden style="font:16px/1.6 sans-serif;color:#231f1b;background:#fbfaf6;padding:16px;border:1px solid #ddd6ca;border-radius:10px;margin:12px">${blocks}</div>`;
  return {
    name: 'atlas-boot-fallback',
    // The single file for the meeting room is never framed by a portal: no fallback, one script.
    apply: (_config, env) => env.mode !== 'offline',
    transformIndexHtml: (source) => source.replace('<div id="root"></div>', `<div id="root"></div>\n    ${html}\n    <script>${bootScript}</script>`),
  };
}

/** Tests of the real data against the plans' texts and the published layers: the `data` project, not `unit`. */
const dataTruthTests = [
  'test/unit/plan-truth.test.ts',
  'test/unit/plan-data.test.ts',
  // The generated base geography, and the presentation and embed links derived from the published plans.
  'test/unit/base-geo.test.ts',
  'test/unit/present-export.test.ts',
];

// `base: './'` keeps every asset and data URL relative, so the build works from any sub-path of a portal.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), bootFallback()],
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
          exclude: dataTruthTests,
          environment: 'jsdom',
          setupFiles: ['test/unit/setup.ts'],
          // Small tests on fixtures: the slowest takes under 7 s with two suites running at once on 2 cores (the
          // first render of a file pays for its imports). A test that needs more is too big, not the limit too small.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          // The data held to the plans and to the build: the plan compiler runs in-process, the real data built once.
          name: 'data',
          include: ['test/data/**/*.test.ts', ...dataTruthTests],
          environment: 'node',
          globalSetup: ['test/data/global-setup.ts'],
          // A build of every plan takes seconds on a loaded machine; the files run one after another, not against each other.
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
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
          // A poll waits for the page to reach a state (it never asserts a duration): Chromium rendering through
          // SwiftShader on a loaded 2-core machine can take seconds for a frame, beyond vitest's 1 s default.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
