/** Saving the plan under edit: its own files as a zip in the repository's layout, back into the opened folder, or as a change set. */
import { changeSetFileName, formatChangeSet } from '../../compiler/edit/change-set';
import type { Change, EditablePlan } from '../../compiler/edit/types';
import type { ChangeWords } from '../../lib/change-words';
import { planFiles, zipPlan } from '../../compiler/edit/zip';
import { dayStamp, downloadBlob } from '../../ui/download';
import type { Opened } from './session';
import { pathInFolder, type FolderWriter } from './sources';

interface SaveInput {
  plan: EditablePlan;
  opened: Opened;
  changes: readonly Change[];
  /** The change list's words, in the interface language (CHANGES.md). */
  words: ChangeWords;
  who: string;
}

const filesOf = ({ plan, opened, changes, words, who }: SaveInput) =>
  planFiles(plan, { changes, words, includeSeed: !!opened.includeSeed, ...(who ? { who } : {}), date: dayStamp() });

/** Downloads `<plan>-<date>.zip`: data/<id>/plan.yaml, places.yaml (and a new plan's seed), CHANGES.md. */
export function saveZip(input: SaveInput): string {
  const name = `${input.plan.folder}-${dayStamp()}.zip`;
  const bytes = zipPlan(filesOf(input));
  downloadBlob(new Blob([bytes as BlobPart], { type: 'application/zip' }), name);
  return name;
}

/** Writes the plan's files back where they were opened from; CHANGES.md stays out of the repository. */
export async function writeBack(input: SaveInput, writer: FolderWriter): Promise<string[]> {
  const written: string[] = [];
  for (const [path, text] of Object.entries(filesOf(input))) {
    if (!path.startsWith('data/')) continue;
    const target = pathInFolder(path, input.opened.folderPath ?? `data/${input.plan.folder}`, input.plan.folder);
    if (target.startsWith('../')) continue; // a plan folder opened alone: its seed is not ours to write
    await writer.write(target, text);
    written.push(target);
  }
  return written;
}

/** Downloads the change set: one small file of the changes, for `npm run apply`. */
export function saveChangeSet({ plan, changes, who }: SaveInput): string {
  const set = { plan: plan.folder, ...(who ? { who } : {}), date: dayStamp(), changes: [...changes] };
  const name = changeSetFileName(set);
  downloadBlob(new Blob([formatChangeSet(set)], { type: 'text/yaml;charset=utf-8' }), name);
  return name;
}
