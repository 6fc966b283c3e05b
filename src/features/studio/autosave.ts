/**
 * Unsaved work kept in the browser's storage after every change, so a reload or a crash loses nothing: the files
 * as opened and the changes since, replayed on restore (a change that no longer applies is named, not merged).
 */
import type { Change } from '../../compiler/edit/types';
import type { Opened } from './session';
import { draftKey } from './draft-key';

export interface Draft {
  opened: Opened;
  changes: Change[];
  who?: string;
  /** When it was kept, ms since the epoch. */
  at: number;
}

export function keepDraft(draft: Draft): void {
  try {
    localStorage.setItem(draftKey, JSON.stringify(draft));
  } catch {
    // Storage full or blocked (a private window): the work is still in the page; nothing else to do.
  }
}

export function readDraft(): Draft | undefined {
  try {
    const raw = localStorage.getItem(draftKey);
    const draft = raw ? (JSON.parse(raw) as Draft) : undefined;
    return draft && typeof draft.opened?.planYaml === 'string' && Array.isArray(draft.changes) ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function dropDraft(): void {
  try {
    localStorage.removeItem(draftKey);
  } catch {
    // nothing kept, nothing to drop
  }
}
