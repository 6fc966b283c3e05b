/**
 * The words of the studio's change list ("3 个点位已移动：…"), as each language file writes them: the studio, the
 * saved CHANGES.md and `npm run apply` all take them from src/i18n.
 */
import type { Precision } from './vocabulary';

/** The kinds of change the list counts, in the order they are listed. */
export type ChangeKind =
  | 'moved'
  | 'unplaced'
  | 'placed'
  | 'geometry'
  | 'quote'
  | 'function'
  | 'phrase'
  | 'text'
  | 'parent'
  | 'related'
  | 'field'
  | 'elementAdded'
  | 'elementRemoved'
  | 'projectAdded'
  | 'projectRemoved'
  | 'placeAdded'
  | 'placeRemoved';

export interface ChangeWords {
  /** Count and kind: (n) => "3 个点位已移动". */
  kinds: Record<ChangeKind, (n: number) => string>;
  /** A single change's kind, as a verb phrase: "替换引文" / "Quote replaced". */
  detail: Record<ChangeKind, string>;
  /** Between the kind and its names, between names, between kinds. */
  colon: string;
  nameSep: string;
  kindSep: string;
  none: string;
  precision: Record<Precision, string>;
  /** One change in detail. */
  move: (name: string, lon: number, lat: number, precision: string) => string;
  unplace: (name: string, reason: string) => string;
  place: (name: string) => string;
  set: (kind: string, name: string, field: string) => string;
  source: string;
  note: string;
  who: string;
  title: (plan: string) => string;
}
