/**
 * Each plan's share of the project list's summary, kept in the build cache (`projects-model.json`) under the hash of
 * the plan's project rows: a change to one plan's projects makes the summary from the others' kept shares and that
 * plan's rows, never from every plan's rows (src/lib/project-summary.ts `mergeSummaries`).
 */
import { join } from 'node:path';
import type { PlanSummary } from '../../src/lib/project-summary';
import { readJsonFile, writeJsonFile } from './json-file';

export interface ProjectsModel {
  /** The build cache's stamp when made (the code that makes a share is part of it). */
  stamp: string;
  /** Each plan: the hash of its project rows (the build state's part digest) and its share of the summary. */
  plans: Record<string, { digest: string; summary: PlanSummary }>;
}

const modelFile = (cacheDir: string) => join(cacheDir, 'projects-model.json');

/** The kept shares made with this stamp, if readable. */
export function readProjectsModel(cacheDir: string, stamp: string): ProjectsModel | undefined {
  const model = readJsonFile<ProjectsModel>(modelFile(cacheDir));
  return model?.stamp === stamp ? model : undefined;
}

/** Keeps the shares (written aside, then renamed). */
export const writeProjectsModel = (cacheDir: string, model: ProjectsModel): void => writeJsonFile(modelFile(cacheDir), model);
