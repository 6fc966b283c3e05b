/**
 * Builds data/ once, in-process, for every data test that needs the real build (is it valid? are the published
 * layers up to date?), and hands them the result: one build instead of one per test file.
 */
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { compile, publishedFiles, root } from './compile';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The build of the real data/: its problems, the plans built and the files it would publish. */
    realBuild: { problems: string[]; plans: string[]; files: Record<string, string> };
  }
}

export default function setup(project: TestProject) {
  const build = compile(resolve(root, 'data'));
  project.provide('realBuild', { problems: build.problems, plans: build.plans.map((p) => p.meta.id), files: publishedFiles(build) });
}
