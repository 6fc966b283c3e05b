/** English names of base-map places, derived from the Chinese (pinyin) except where a table gives a standard form. */
import { pinyin } from 'pinyin-pro';

/** Hanyu pinyin written as a place name: syllables run together, capitalised, an apostrophe before a/o/e (Pu'er). */
function romanise(zh: string): string {
  const syllables = pinyin(zh, { toneType: 'none', type: 'array' });
  const word = syllables.map((x, i) => (i > 0 && /^[aoe]/.test(x) ? `'${x}` : x)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** What kind of place a name is: it decides the English suffix. */
export type PlaceKind = 'county' | 'prefecture' | 'province' | 'river' | 'lake';

/**
 * The English name of a base-map place, derived from its Chinese name so that an English interface does not show
 * Chinese place names beside English country names: counties lose 县/区/市 (云县 stays Yunxian), rivers are
 * “… River”, 湖 lakes “… Lake”; the rest is the pinyin. `standard` (english-names.yaml) wins where it names the
 * place or its stem.
 */
export function englishPlaceName(zh: string, kind: PlaceKind, standard: ReadonlyMap<string, string>): string {
  if (!zh) return '';
  const given = standard.get(zh);
  if (given) return given;
  const stem = (suffix: RegExp) => (zh.length > 2 && suffix.test(zh) ? zh.slice(0, -1) : null);
  if (kind === 'county') {
    const s = stem(/[县区市]$/);
    return s ? (standard.get(s) ?? romanise(s)) : romanise(zh);
  }
  if (kind === 'river') {
    const s = zh.length > 1 && /[江河]$/.test(zh) ? zh.slice(0, -1) : null;
    return s ? `${standard.get(s) ?? romanise(s)} River` : romanise(zh);
  }
  if (kind === 'lake') {
    const s = stem(/湖$/);
    return s ? `${romanise(s)} Lake` : romanise(zh);
  }
  return romanise(zh);
}
