/** axe-core finds no violations in any view a person meets: main, details, project list, presentation, phone, embed. */
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe';
import { sharedChromium } from './chromium';
import { Atlas, type OpenOptions } from './driver/atlas';
import { EmbeddedAtlas } from './driver/embed';
import { ProjectList } from './driver/list';
import { Presentation } from './driver/present';

const server = { appUrl: inject('appUrl'), origin: inject('origin') };
const chromium = sharedChromium();

const laptop: OpenOptions = { viewport: { width: 1280, height: 800 } };
const phone: OpenOptions = { viewport: { width: 390, height: 844 }, touch: true };

describe('axe-core', () => {
  it.each([
    ['the main view', laptop, '#plan=yunnan'],
    ['the main view in English', { ...laptop, lang: 'en' }, '#plan=shuangjiang&lang=en'],
    ['details', laptop, '#plan=yunnan&feature=yunnan-zone-diandong'],
    ['the project list', laptop, '#view=projects&plan=qujing'],
    ['presentation', laptop, '#plan=yunnan&present=1&chapter=2'],
    ['a phone', phone, '#plan=yunnan'],
    ['a phone with a plan’s indicator table', phone, '#plan=lincang'],
    ['a phone with details', phone, '#plan=lincang&feature=lincang-core'],
    ['the embed view', { viewport: { width: 390, height: 600 } }, '?embed=1#plan=lincang'],
  ] as const)('finds no violations in %s', async (_name, options, hash) => {
    // The page's Content-Security-Policy forbids inline scripts; the test context may inject axe all the same.
    const atlas = await Atlas.open(chromium(), server, { ...options, hash, bypassCSP: true });
    // What the view shows once it is ready: the list's rows, the slide, the details' heading.
    if (hash.includes('view=projects')) await new ProjectList(atlas).loaded();
    if (hash.includes('present=1')) await expect.poll(() => new Presentation(atlas).isOn(), { timeout: 30_000 }).toBe(true);
    if (hash.includes('feature=')) await atlas.details().getByRole('heading', { level: 2 }).waitFor();
    expect(await axeViolations(atlas.page)).toEqual([]);
    await atlas.close();
  });

  it('finds no violations in the embed inside a government page’s iframe', async () => {
    const context = await chromium().newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const p = await context.newPage();
    await p.goto(`${server.origin}/embed-host.html`);
    await expect.poll(() => p.frames().some((f) => f.url().includes('embed=1'))).toBe(true);
    const frame = p.frames().find((f) => f.url().includes('embed=1'))!;
    await new EmbeddedAtlas(frame).mapIdle();
    expect(await axeViolations(frame)).toEqual([]);
    await context.close();
  });
});
