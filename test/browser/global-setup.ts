/**
 * Builds the app once (unless ATLAS_SKIP_BUILD=1), with its single-file copy dist/atlas-offline.html, and serves
 * dist/ under a sub-path for every browser test.
 */
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveBuild, subPath } from '../../scripts/lib/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    origin: string;
  }
}

export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  if (process.env.ATLAS_SKIP_BUILD !== '1') {
    // NODE_ENV=production as `npm run build` has it: vitest sets NODE_ENV=test, which would build React for development.
    const env = { ...process.env, NODE_ENV: 'production' };
    execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit', env });
    execSync('npx tsx scripts/build-offline.ts', { cwd: root, stdio: 'inherit', env });
  }
  // A government page that embeds the atlas in a sandboxed iframe, as a web editor would paste it.
  const host = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>政府门户</title>
<body style="margin:0"><header style="background:#9e1b1b;color:#fff;padding:10px">某县人民政府 · 健康服务</header>
<iframe id="atlas" src="${subPath}?embed=1#plan=shuangjiang&map=10/23.5/99.85" style="width:100%;height:600px;border:0" title="规划布局图" sandbox="allow-scripts allow-same-origin allow-popups"></iframe></body>`;
  const { server, origin } = await serveBuild(resolve(root, 'dist'), { '/embed-host.html': host });
  project.provide('appUrl', `${origin}${subPath}`);
  project.provide('origin', origin);
  return () => new Promise<void>((done) => server.close(() => done()));
}
