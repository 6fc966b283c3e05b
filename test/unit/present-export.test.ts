// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentMapParam, embedUrl, fullAtlasUrl, iframeCode } from '../../src/features/embed/embed-code';
import { niceScale } from '../../src/features/export/scale-bar';
import { deriveChapters, keyProjects, maxKeyProjects, projectNameInPlace, shortQuote, splitQuote, stepChars, stepFrom } from '../../src/data/chapters';
import { formatHash, parseHash } from '../../src/features/url-state/hash-state';
import { planMetaSchema, type AtlasCollection } from '../../src/lib/atlas-data';

const root = resolve(import.meta.dirname, '../..');
const layer = (id: string) => JSON.parse(readFileSync(resolve(root, `public/geo/plans/${id}.geojson`), 'utf8')) as AtlasCollection & { meta: unknown };
const meta = (id: string) => planMetaSchema.parse(layer(id).meta);

describe('presentation chapters', () => {
  it('run overview → core → each zone → each belt → key projects → indicators for the province', () => {
    const chapters = deriveChapters(meta('yunnan'), layer('yunnan').features);
    expect(chapters.map((c) => c.kind).slice(0, 12)).toEqual(['overview', ...Array(11).fill('element')]);
    expect(chapters.map((c) => c.kicker).slice(1, 12)).toEqual(['一核', ...Array(6).fill('六区'), ...Array(4).fill('四带')]);
    expect(chapters.at(-2)?.kind).toBe('projects');
    expect(chapters.at(-1)?.indicators).toBe(true);
    expect(chapters[1]?.features[0]).toBe('yunnan-core');
    expect(chapters[3]?.steps.map((x) => x.caption).join('')).toContain('以曲靖建设省级区域医疗中心为契机');
  });

  it('frame each chapter on its own features', () => {
    const chapters = deriveChapters(meta('yunnan'), layer('yunnan').features);
    const diandong = chapters.find((c) => c.title === '滇东健康医疗服务业集聚区')!;
    const [w, s, e, n] = diandong.bbox!;
    expect(w).toBeGreaterThan(102.5);
    expect(e).toBeLessThan(105);
    expect(s).toBeGreaterThan(24);
    expect(n).toBeLessThan(27.5);
  });

  it('gathers nodes in one chapter, and picks invested projects as key projects', () => {
    const sj = deriveChapters(meta('shuangjiang'), layer('shuangjiang').features);
    expect(sj.find((c) => c.features.length === 5 && c.features.every((f) => f.includes('node')))).toBeDefined();
    const mh = deriveChapters(meta('menghai'), layer('menghai').features);
    expect(mh.find((c) => c.kind === 'projects')?.features).toHaveLength(6);
  });

  it('use chapters from the plan’s data when it has them', () => {
    const custom = { ...meta('qujing'), chapters: [{ title: '中心城区', caption: '自定义', features: ['qujing-core'] }] };
    const chapters = deriveChapters(custom, layer('qujing').features);
    expect(chapters).toHaveLength(1);
    expect(chapters[0]).toMatchObject({ title: '中心城区', steps: [{ caption: '自定义' }] });
    expect(chapters[0]?.features[0]).toBe('qujing-core');
  });

  it('shorten quotes only at the end of a sentence', () => {
    const q = '第一句话很长很长。第二句话也很长很长很长。第三句。';
    expect(shortQuote(q, 12)).toBe('第一句话很长很长。……');
    expect(shortQuote('短句。', 12)).toBe('短句。');
  });
});

describe('URL keys of presentation mode and the project browser', () => {
  it('round-trip present and chapter', () => {
    expect(parseHash('#plan=yunnan&present=1&chapter=3')).toEqual({ plan: 'yunnan', present: true, chapter: 2 });
    expect(formatHash({ plan: 'yunnan', present: true, chapter: 2 })).toBe('#plan=yunnan&present=1&chapter=3');
  });
  it('counts chapters in links from 1, as the screen does; an old link’s chapter=0 opens the first slide', () => {
    expect(formatHash({ plan: 'yunnan', present: true, chapter: 0 })).toBe('#plan=yunnan&present=1&chapter=1');
    expect(parseHash('#plan=yunnan&present=1&chapter=1').chapter).toBe(0);
    expect(parseHash('#plan=yunnan&present=1&chapter=0').chapter).toBe(0);
  });
  it('round-trip project filters and drop junk ones', () => {
    const hash = formatHash({ view: 'projects', plan: 'qujing', category: ['medical', 'tcm'], county: ['麒麟区'], q: '医院', sort: 'investment' });
    expect(parseHash(hash)).toEqual({ view: 'projects', plan: 'qujing', category: ['medical', 'tcm'], county: ['麒麟区'], q: '医院', sort: 'investment' });
    expect(parseHash('#view=projects&category=rocket,medical&county=<b>x</b>&sort=evil&chapter=-1')).toEqual({ view: 'projects', category: ['medical'] });
  });
});

describe('embed code', () => {
  const location = { origin: 'https://www.example.gov.cn', pathname: '/zt/atlas/' };
  it('carries plan, selection and language, and the camera only when the view is kept', () => {
    expect(embedUrl(location, { plan: 'lincang', feature: 'lincang-core', lang: 'en' })).toBe(
      'https://www.example.gov.cn/zt/atlas/?embed=1#plan=lincang&feature=lincang-core&lang=en',
    );
    expect(embedUrl(location, { plan: 'lincang', lang: 'zh', map: null })).toBe('https://www.example.gov.cn/zt/atlas/?embed=1#plan=lincang');
    expect(embedUrl(location, { plan: 'lincang', lang: 'zh', map: '7.65/24.073/99.171' })).toBe(
      'https://www.example.gov.cn/zt/atlas/?embed=1#plan=lincang&map=7.65/24.073/99.171',
    );
    expect(embedUrl(location, { plan: 'lincang', lang: 'zh', map: '7/"><script>' })).toBe('https://www.example.gov.cn/zt/atlas/?embed=1#plan=lincang');
    expect(currentMapParam('#plan=lincang&map=7.65/24.073/99.171&embed=1')).toBe('7.65/24.073/99.171');
  });
  it('links the embed to the full atlas with the same plan and selection, never its camera', () => {
    expect(fullAtlasUrl(location, { plan: 'qujing', feature: 'qujing-core', lang: 'zh', map: '8/25.5/103.8' })).toBe(
      'https://www.example.gov.cn/zt/atlas/#plan=qujing&feature=qujing-core',
    );
  });
  it('is a sandboxed iframe with escaped attributes', () => {
    const code = iframeCode('https://x/?embed=1#plan=qujing&map=1/2/3', '曲靖 "规划" <布局>');
    expect(code).toContain('sandbox="allow-scripts allow-same-origin allow-popups"');
    expect(code).toContain('#plan=qujing&amp;map=1/2/3');
    expect(code).toContain('title="曲靖 &quot;规划&quot; &lt;布局&gt;"');
  });
});

describe('scale bar', () => {
  it('picks 1, 2 or 5 × 10ⁿ that fits', () => {
    expect(niceScale(100, 260)).toMatchObject({ metres: 20000, label: '20 km' });
    expect(niceScale(3, 260)).toMatchObject({ metres: 500, label: '500 m' });
    expect(niceScale(100, 260).pixels).toBe(200);
  });

  it('split a long quote into clicker steps that each fit, cut at sentence ends, losing nothing', () => {
    const chapters = deriveChapters(meta('yunnan'), layer('yunnan').features);
    for (const c of chapters) {
      for (const step of c.steps) expect((step.caption ?? '').length, c.title).toBeLessThanOrEqual(stepChars);
    }
    const zone = chapters.find((c) => c.title === '滇东健康医疗服务业集聚区')!;
    const quote = layer('yunnan').features.find((f) => f.properties.id === 'yunnan-zone-diandong')!.properties.source.quote;
    expect(zone.steps.map((s) => s.caption).join('')).toBe(quote);
    expect(zone.steps.length).toBeGreaterThan(1);
    expect(splitQuote('甲。乙。', 2)).toEqual(['甲。', '乙。']);
  });

  it('emphasise an element with its own projects on its slide', () => {
    const chapters = deriveChapters(meta('yunnan'), layer('yunnan').features);
    const west = chapters.find((c) => c.title === '大滇西健康旅游发展带')!;
    const own = layer('yunnan')
      .features.filter((f) => f.properties.element === 'yunnan-belt-greater-west')
      .map((f) => f.properties.id);
    expect(own.length).toBeGreaterThan(2);
    for (const id of own) expect(west.features).toContain(id);
  });

  it('step through key projects by name, from the annex table or the 专栏 boxes', () => {
    const mh = deriveChapters(meta('menghai'), layer('menghai').features).find((c) => c.kind === 'projects')!;
    expect(mh.steps.length).toBe(6);
    expect(mh.steps.every((s) => s.names?.length === 1 && s.features?.length === 1 && s.bbox)).toBe(true);
    const yn = deriveChapters(meta('yunnan'), layer('yunnan').features).find((c) => c.kind === 'projects')!;
    const names = yn.steps.flatMap((s) => s.names ?? []);
    expect(names.length).toBeGreaterThan(3);
    expect(yn.steps.length).toBeLessThanOrEqual(12);
    const projects = layer('yunnan').features.filter((f) => f.properties.role === 'project');
    expect(names).toEqual(
      keyProjects(meta('yunnan'), projects)
        .slice(0, maxKeyProjects)
        .map((f) => projectNameInPlace(f, meta('yunnan'))),
    );
    const chosen = { ...meta('yunnan'), keyProjects: [projects[3]!.properties.id] };
    expect(keyProjects(chosen, projects).map((f) => f.properties.id)).toEqual([projects[3]!.properties.id]);
  });

  it('move a clicker press to the next step, then the next chapter, and back', () => {
    const chapters = deriveChapters(meta('yunnan'), layer('yunnan').features);
    const many = chapters.findIndex((c) => c.steps.length > 1);
    expect(stepFrom(chapters, many, 0, 1)).toEqual([many, 1]);
    expect(stepFrom(chapters, many, chapters[many]!.steps.length - 1, 1)).toEqual([many + 1, 0]);
    expect(stepFrom(chapters, many + 1, 0, -1)).toEqual([many, chapters[many]!.steps.length - 1]);
    expect(stepFrom(chapters, 0, 0, -1)).toEqual([0, 0]);
    const last = chapters.length - 1;
    expect(stepFrom(chapters, last, chapters[last]!.steps.length - 1, 1)).toEqual([last, chapters[last]!.steps.length - 1]);
  });
});
