// @vitest-environment node
/**
 * The house rules the linter cannot see: no plan is named in code (plans are data), and the concept lists
 * (roles, categories, precisions, languages) have one home. Import boundaries are held by Biome (biome.json).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categories, precisions, roles } from '../../src/lib/vocabulary';

const root = resolve(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'sources' ? [] : files(path);
    return /\.(ts|tsx|mjs)$/.test(name) ? [path] : [];
  });
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
const sources = [...files(resolve(root, 'src')), ...files(resolve(root, 'scripts'))];
const planIds = readdirSync(resolve(root, 'data')).filter((d) => d !== 'seeds' && statSync(resolve(root, 'data', d)).isDirectory());

describe('house rules', () => {
  it('names no plan in src/ or scripts/: a plan is a folder under data/', () => {
    expect(planIds.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const file of sources) {
      const text = code(file);
      for (const id of planIds) {
        // A quoted plan id, or a quoted feature id of that plan ('qujing-core').
        const named = new RegExp(`['"\`]${id}(['"\`]|-(?!health-projects)[a-z])`);
        if (named.test(text)) found.push(`${relative(root, file)}: ${id}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('defines the role, category and precision lists once: no other list of three or more of them, in any order', () => {
    const vocabularies = { roles, categories, precisions };
    // Array literals of quoted words only: ['zone', 'core', 'belt'], ["node", "core", "zone"] …
    const literal = /\[\s*(['"])[a-z-]+\1(?:\s*,\s*(['"])[a-z-]+\2)*\s*,?\s*\]/g;
    const stray: string[] = [];
    for (const file of sources) {
      if (file.endsWith('src/lib/vocabulary.ts')) continue;
      for (const list of code(file).match(literal) ?? []) {
        const words = new Set([...list.matchAll(/['"]([a-z-]+)['"]/g)].map((m) => m[1]));
        for (const [name, vocabulary] of Object.entries(vocabularies)) {
          if (vocabulary.filter((w) => words.has(w)).length >= 3) stray.push(`${relative(root, file)}: ${name} ${list}`);
        }
      }
    }
    expect(stray).toEqual([]);
  });

  it('puts nothing of the app on window: the map has one owner (src/features/map)', () => {
    const found = sources.filter((f) => /\(window as [^)]*\)\.\w+\s*=(?!=)|\bwindow\.\w*map\w*\s*=(?!=)/i.test(code(f))).map((f) => relative(root, f));
    expect(found).toEqual([]);
  });

  it('changes the store only through its actions', () => {
    const raw = sources.filter((f) => !f.includes('/src/state/') && /\b(?:store|useAtlasStore)\.setState\(/.test(code(f))).map((f) => relative(root, f));
    expect(raw).toEqual([]);
  });

  it('knows the interface languages only in src/i18n (the URL, the store and components take them from there)', () => {
    const named = sources
      .filter((f) => !f.includes('/i18n/') && /lang\s*[!=]==\s*['"][a-z]{2}['"]|['"](zh|en)['"]\s*\|/.test(code(f)))
      .map((f) => relative(root, f));
    expect(named).toEqual([]);
  });

  it('keeps scripts independent of the tests: what both need lives in scripts/lib', () => {
    const scripts = sources.filter((f) => f.includes('/scripts/'));
    expect(scripts.filter((f) => /from\s+['"][./]*\/?test\//.test(code(f))).map((f) => relative(root, f))).toEqual([]);
  });

  it('keeps interface strings in one file per language', () => {
    const stray = sources.filter((f) => !f.includes('/i18n/') && /['"]切换到英文界面['"]|['"]规划概况['"]/.test(code(f)));
    expect(stray).toEqual([]);
  });
});
