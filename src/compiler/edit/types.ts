/**
 * The plan studio's edit model: a plan under edit is the text of its two YAML files (plus its seed), and every
 * correction is a {@link Change}, a small record of data that can be applied, inverted (undo), listed in words and
 * saved in a change set for `npm run apply`. Pure code: no DOM, no `node:` imports (runs in the studio and in Node).
 */
import type { Document } from 'yaml';
import type { Precision } from '../../lib/vocabulary';

/**
 * A plan under edit. Immutable: {@link applyChange} returns a new one, so the UI can keep it in a store and compare by
 * identity. The YAML texts are edited by splicing only the lines a change touches, so untouched bytes (comments,
 * order, quoting, blank lines) stay exactly as they were; `planDoc`/`placesDoc` are the parsed `yaml` Documents of
 * those texts (read-only: never mutate them, make a Change instead).
 */
export interface EditablePlan {
  /** The plan folder's name under data/ (equals plan.yaml's `id`). */
  readonly folder: string;
  /** Text of data/<folder>/plan.yaml. */
  readonly planYaml: string;
  /** Text of data/<folder>/places.yaml; undefined while the plan has none (the first new place creates it). */
  readonly placesYaml: string | undefined;
  readonly planDoc: Document.Parsed;
  readonly placesDoc: Document.Parsed | undefined;
  /** The seed's file name (plan.yaml `seed:`), e.g. `003_fa6911a2e44570ea.txt`. */
  readonly seedName: string;
  /** The seed text; quotes and phrases are checked against it. Undefined = not loaded (text changes are then refused). */
  readonly seed: string | undefined;
}

/**
 * What a change does. The "set" kinds (`set-*`) put `new` at `field` of `target` where `old` is; `null` for `old`
 * means "absent" (append to a list / add a key), `null` for `new` means "remove".
 * - `move-point`: a project's or a node's point (`field: 'point'`, values {@link PointValue}); creates or updates its
 *   place in places.yaml.
 * - `unplace`: a project goes to `unplaced` (`old`: {@link UnplaceOld}, `new`: {@link UnplacedAt} with the reason).
 * - `place`: an unplaced item (`target: 'unplaced:<index>'`) becomes a project (`old`: {@link UnplacedAt},
 *   `new`: {@link UnplaceOld}).
 * - `set-geometry`: an element's `geometry` (areas codes, corridor waypoints, river …; values GeometrySpec).
 * - `set-text`: a verbatim field, chosen from the seed: `source` / `summary` / `formulaSource` ({section, quote}),
 *   `functions[i]`, `projects[i]`, `name`, `formula`. Refused unless the text is in the seed.
 * - `set-parent` (target `plan`, field `parent`), `set-related` (an element's `related`).
 * - `set-field`: any other field (category, county, precision, note, investment …), also of a place (`place:<id>`).
 * - `add-element` / `remove-element`, `add-project` / `remove-project`, `add-place` / `remove-place`:
 *   whole entries (`new` resp. `old` is the record; `field` is the index it goes to / comes from).
 */
export type ChangeOp =
  | 'move-point'
  | 'unplace'
  | 'place'
  | 'set-geometry'
  | 'set-text'
  | 'set-parent'
  | 'set-related'
  | 'set-field'
  | 'add-element'
  | 'remove-element'
  | 'add-project'
  | 'remove-project'
  | 'add-place'
  | 'remove-place';

/**
 * One correction. `target` is `plan` (the plan's own fields), an element or project id, `place:<id>` (an entry of
 * places.yaml) or `unplaced:<index>`. `old` is what the author saw: a change whose `old` no longer matches the files
 * is refused (stale), never merged blindly.
 */
export interface Change {
  op: ChangeOp;
  target: string;
  /** The target's name when the change was made, for the change list in words (not checked). */
  name?: string;
  /** Field path inside the target: `point`, `geometry`, `source`, `functions[2]`, `investment.amount` … */
  field?: string;
  old?: unknown;
  new?: unknown;
  /** Evidence for the change (a URL or a citation), where it has one beyond the values. */
  source?: string;
  note?: string;
  /** Who made it, if given (a person or an office, e.g. 县卫生健康局). */
  who?: string;
}

/**
 * A project's or node's point as `move-point` sees it. `place: null` = no place of its own (a project at its
 * county's seat). `created: true` = the place entry exists only because of this change (so undo removes it).
 */
export interface PointValue {
  place: string | null;
  lon?: number;
  lat?: number;
  precision?: Precision;
  /** Where the coordinate came from: required for `exact` and `township`. */
  source?: string;
  /** The county of a created place (defaults to the project's county). */
  county?: string;
  /** A node's own `precision` (elements carry one besides their place's). */
  elementPrecision?: Precision;
  created?: boolean;
}

/** A project record and its index in `projects`: `old` of `unplace`, `new` of `place` (so undo puts it back). */
export interface UnplaceOld {
  project: Record<string, unknown>;
  /** Index in `projects`. */
  index: number;
}

/** An unplaced entry and its index in `unplaced`: `new` of `unplace`, `old` of `place`. */
export interface UnplacedAt {
  /** `{ name, category?, reason, source }` as plan.yaml holds it. */
  entry: Record<string, unknown>;
  /** Index in `unplaced`. */
  index: number;
}

/** Why a change was not applied: one line, as the validator writes its problems. */
export interface ChangeProblem {
  /** `data/<folder>/plan.yaml` or `places.yaml`. */
  file: string;
  /** The entry: `plan`, `project qj-x “…”`, `place qj-x`, `unplaced[3]` … */
  where: string;
  field: string;
  message: string;
  /** `stale`: the files no longer hold `old`; `invalid`: the new value breaks a rule; `not-found`: no such target. */
  kind: 'stale' | 'invalid' | 'not-found';
}

/** The result of applying one change: the new plan, or why not (the old plan is untouched either way). */
export type ApplyResult = { ok: true; plan: EditablePlan } | { ok: false; problem: ChangeProblem };

/**
 * A change-set file: the corrections one person or office sends for one plan. Saved as YAML
 * (see change-set.ts); `npm run apply -- <file>…` applies them to data/.
 */
export interface ChangeSet {
  /** The plan id (folder name under data/). */
  plan: string;
  who?: string;
  /** ISO date (YYYY-MM-DD) or date-time. */
  date?: string;
  note?: string;
  changes: Change[];
}

/** Language of the change list in words. */
export type ChangeLang = 'zh' | 'en';
