// @vitest-environment node
/** Seed helpers: the layout sentence of each real plan is found where the plan's data says it is; sections come from headings. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findInSeed, findLayoutSentence, isVerbatim, quoteFromSelection, sectionAt } from '../../src/compiler/edit/seed';
import { compactQuote } from '../../src/lib/seed-text';

const data = resolve(import.meta.dirname, '../../data');
const plans = readdirSync(data, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'seeds')
  .map(
    (d) => parse(readFileSync(join(data, d.name, 'plan.yaml'), 'utf8')) as { id: string; seed: string; formula?: string; formulaSource?: { quote: string } },
  );

describe.each(plans.map((p) => [p.id, p] as const))('layout sentence of %s', (_id, plan) => {
  const seed = readFileSync(join(data, 'seeds', plan.seed), 'utf8');

  it(plan.formula ? `finds the formula the plan states (${plan.formula})` : 'finds none where the plan states none', () => {
    const found = findLayoutSentence(seed);
    if (!plan.formula) {
      expect(found).toBeUndefined();
      return;
    }
    expect(found?.formula).toBe(plan.formula);
    expect(isVerbatim(seed, found!.sentence)).toBe(true);
    expect(compactQuote(found!.sentence)).toContain(compactQuote(plan.formulaSource!.quote));
    expect(findInSeed(seed, found!.sentence)?.start).toBe(found!.offset);
  });
});

describe('sections and selections', () => {
  const seed = [
    '第二章 总体要求',
    '一、发展目标',
    '正文一。',
    '第三章  空间布局',
    '第一节 空间布局',
    '（一）构建一个中心。',
    '围绕核心建设',
    '— 7 —',
    '医疗中心。',
    '专栏 1：重点建设内容',
    '（二）两带融合发展。',
  ].join('\n');

  it('takes the section from the headings above, outermost first, a new chapter closing the old one', () => {
    expect(sectionAt(seed, seed.indexOf('正文'))).toBe('第二章 总体要求 一、发展目标');
    expect(sectionAt(seed, seed.indexOf('围绕'))).toBe('第三章 空间布局 第一节 空间布局 （一）构建一个中心');
    expect(sectionAt(seed, seed.indexOf('专栏') + 3)).toBe('第三章 空间布局 第一节 空间布局 （一）构建一个中心 专栏 1：重点建设内容');
    expect(sectionAt(seed, seed.indexOf('（二）') + 2)).toBe('第三章 空间布局 第一节 空间布局 （二）两带融合发展');
    expect(sectionAt(seed, 0)).toBe('第二章 总体要求');
  });

  it('turns a selection across a line and a page number into one verbatim quote', () => {
    const start = seed.indexOf('围绕');
    const { quote, section } = quoteFromSelection(seed, start, seed.indexOf('中心。', start) + 3);
    expect(quote).toBe('围绕核心建设医疗中心。');
    expect(section).toBe('第三章 空间布局 第一节 空间布局 （一）构建一个中心');
    expect(isVerbatim(seed, quote)).toBe(true);
    expect(isVerbatim(seed, '围绕核心建设三甲医院')).toBe(false);
    expect(findInSeed(seed, quote)).toEqual({ start, end: seed.indexOf('中心。', start) + 3 });
  });
});
