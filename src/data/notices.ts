/**
 * What went wrong, for the user to see: a plan that failed to load, features left out, an unknown plan in a
 * link. Each notice says what it is about; the UI words it in the user's language and offers its retry.
 */
import type { PlanId } from '../lib/vocabulary';

/** What a notice is about. `reason` is the technical cause, shown in small print. */
export type NoticeSubject =
  | { type: 'catalogue-failed'; reason: string }
  | { type: 'plan-failed'; plan: PlanId; reason: string }
  | { type: 'invalid-entries'; file: string; count: number }
  | { type: 'plan-not-found'; plan: string }
  | { type: 'search-failed'; reason: string }
  | { type: 'projects-failed'; reason: string }
  | { type: 'base-failed'; reason: string }
  | { type: 'map-failed'; reason: string }
  | { type: 'chunk-failed'; reason: string }
  | { type: 'export-failed'; reason: string }
  /** public/atlas.config.json (the review number) could not be read or has a mistake. */
  | { type: 'config-failed'; reason: string }
  /** The page runs in a frame sandboxed without allow-same-origin. */
  | { type: 'sandboxed' }
  | { type: 'download-failed'; reason: string };

export interface Notice {
  /** One notice per subject: the same failure twice is one notice. */
  key: string;
  level: 'error' | 'warning';
  subject: NoticeSubject;
  retry?: () => void;
}

let notices: readonly Notice[] = [];
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};

const keyOf = (s: NoticeSubject) => `${s.type}:${'plan' in s ? s.plan : 'file' in s ? s.file : ''}`;

export function report(subject: NoticeSubject, options: { level?: Notice['level']; retry?: () => void } = {}): void {
  const key = keyOf(subject);
  const notice: Notice = { key, level: options.level ?? 'error', subject, ...(options.retry ? { retry: options.retry } : {}) };
  notices = [...notices.filter((n) => n.key !== key), notice];
  emit();
}

/** Clears the notice about a subject, e.g. once a retry succeeded. */
export function resolveNotice(subject: Pick<NoticeSubject, 'type'> & { plan?: string; file?: string }): void {
  const key = keyOf(subject as NoticeSubject);
  if (!notices.some((n) => n.key === key)) return;
  notices = notices.filter((n) => n.key !== key);
  emit();
}

export function dismissNotice(key: string): void {
  notices = notices.filter((n) => n.key !== key);
  emit();
}

export const getNotices = (): readonly Notice[] => notices;

export function subscribeNotices(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** For tests. */
export function clearNotices(): void {
  notices = [];
  emit();
}
