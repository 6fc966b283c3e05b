/** Builds the app once (unless ATLAS_SKIP_BUILD=1) and serves dist/ under a sub-path for every browser test. */
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveBuild, subPath } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    origin: string;
  }
}

export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  if (process.env.ATLAS_SKIP_BUILD !== '1') execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
  const { server, origin } = await serveBuild(resolve(root, 'dist'));
  project.provide('appUrl', `${origin}${subPath}`);
  project.provide('origin', origin);
  return () => new Promise<void>((done) => server.close(() => done()));
}
