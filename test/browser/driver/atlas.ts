/**
 * The atlas as a person uses it, for browser tests: open a link, choose a plan, select an element, search, read the
 * details. Everything is found by role and accessible name, in the words of the interface's language files, so a test
 * reads as the user's steps and breaks when what the user sees breaks, not when a class name changes.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Lang, languages, type UiStrings } from '../../../src/i18n/languages';
import { type PageWatch, waitForMapIdle, watchPage } from '../../../scripts/lib/chromium';

export interface Viewport {
  width: number;
  height: number;
}

export interface OpenOptions {
  /** Everything after the app's URL: a hash (`#plan=…`) or a query and hash (`?embed=1#…`). */
  hash?: string;
  viewport?: Viewport;
  /** The interface language the page is expected to speak (the hash's `lang=`); Chinese by default. */
  lang?: Lang;
  /** Wait for the map's first idle (default), or return as soon as the page has loaded. */
  waitForMap?: boolean;
  /** Runs on the new page before it navigates (e.g. to route its requests). */
  prepare?: (page: Page) => Promise<unknown>;
  /** A phone: a touch screen and mobile layout rules. */
  touch?: boolean;
  /** No network at all: every request outside the server's origin (or data:, blob:) is refused, as well as recorded. */
  offline?: boolean;
  /** Lets a test put a script into the page (axe-core) past the page's Content-Security-Policy; the app never needs it. */
  bypassCSP?: boolean;
}

/** Where the app is served, as the browser project's global setup provides it. */
export interface Server {
  appUrl: string;
  origin: string;
}

export const laptop: Viewport = { width: 1280, height: 800 };

export class Atlas {
  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    /** Page errors, console errors and requests that left the origin, recorded from the start. */
    readonly watch: PageWatch,
    /** The interface strings of the language the page speaks. */
    public t: UiStrings,
  ) {}

  /** A fresh browser context on the app at `hash`, waited until the map has drawn (unless told not to). */
  static async open(browser: Browser, server: Server, options: OpenOptions = {}): Promise<Atlas> {
    const touch = options.touch ? { isMobile: true, hasTouch: true } : {};
    const context = await browser.newContext({
      viewport: options.viewport ?? laptop,
      deviceScaleFactor: 1,
      acceptDownloads: true,
      ...touch,
      ...(options.bypassCSP ? { bypassCSP: true } : {}),
    });
    if (options.offline) {
      const local = (url: string) => url.startsWith(server.origin) || url.startsWith('data:') || url.startsWith('blob:');
      await context.route('**/*', (route) => (local(route.request().url()) ? route.continue() : route.abort('internetdisconnected')));
      await context.setOffline(true);
    }
    const page = await context.newPage();
    const watch = watchPage(page, server.origin);
    const atlas = new Atlas(page, context, watch, languages[options.lang ?? 'zh']);
    await options.prepare?.(page);
    await page.goto(`${server.appUrl}${options.hash ?? ''}`);
    if (options.waitForMap !== false) await waitForMapIdle(page);
    return atlas;
  }

  /** Reads the page in another interface language from now on (after switching it). */
  speaks(lang: Lang): void {
    this.t = languages[lang];
  }

  close(): Promise<void> {
    return this.context.close();
  }

  /** The address's hash as key/value pairs (`plan`, `feature`, `lang`, `map` …). */
  hashParams(): URLSearchParams {
    return new URLSearchParams(decodeURIComponent(new URL(this.page.url()).hash.slice(1)));
  }

  /** One value of the address's hash, or null. */
  hash(key: string): string | null {
    return this.hashParams().get(key);
  }

  /** Waits until the map has drawn what it was asked to. */
  settle(): Promise<void> {
    return waitForMapIdle(this.page);
  }

  // What is on the page.

  /** The map, as the region screen readers announce. */
  map(): Locator {
    return this.page.getByRole('region', { name: this.t.mapLabel, exact: true });
  }

  /** The side panel: the plan's overview, or the details of what is selected. */
  panel(): Locator {
    return this.page.getByRole('complementary', { name: new RegExp(`^(${this.t.overview}|${this.t.details})$`) });
  }

  /** The details of the selected element or project (absent when nothing is selected). */
  details(): Locator {
    return this.page.getByRole('complementary', { name: this.t.details, exact: true });
  }

  /** The name of what the details show, or null when no details are open. */
  async detailsTitle(): Promise<string | null> {
    const details = this.details();
    if (!(await details.count())) return null;
    return details.getByRole('heading', { level: 2 }).textContent();
  }

  /** The plan's words the details quote. */
  detailsQuote(): Locator {
    return this.details().getByRole('blockquote').first();
  }

  /** The heading of the side panel: the plan's title, or the selected element's name. */
  panelHeading(): Locator {
    return this.panel().getByRole('heading', { level: 2 });
  }

  // What the map draws is pixels on a canvas, with no role or name to find it by: the map's owner writes its state
  // (bounds, projects drawn, plan shown, outlined area) as data attributes on the map region, read here.

  /** How many projects the map draws (the map reports it for tests and screen readers' counts). */
  drawnProjects(): Promise<string | null> {
    return this.map().getAttribute('data-projects-drawn');
  }

  /** The map's visible bounds: west, south, east, north. */
  async bounds(): Promise<number[]> {
    return ((await this.map().getAttribute('data-bounds')) ?? '').split(',').map(Number);
  }

  /** The counties the map outlines for an approximately placed project (comma-separated codes), or null. */
  approxArea(): Promise<string | null> {
    return this.map().getAttribute('data-approx-area');
  }

  /** The language the page declares (`<html lang>`), which screen readers pronounce it in. */
  documentLang(): Promise<string> {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  /** The plan whose layout the map shows, or null. */
  planShown(): Promise<string | null> {
    return this.map().getAttribute('data-plan-shown');
  }

  /** The panel's handle on a phone, where the panel is a bottom sheet. */
  sheetHandle(): Locator {
    return this.page.getByRole('button', { name: this.t.sheetHandle, exact: true });
  }

  /** Where the bottom sheet rests: `peek`, `half` or `full` (null where the panel is not a sheet). */
  sheetState(): Promise<string | null> {
    return this.panel().getAttribute('data-sheet');
  }

  /** Waits until the sheet has come to rest at its snap point (its height transition is over). */
  async sheetAtRest(): Promise<void> {
    await expect.poll(() => this.panel().evaluate((el) => getComputedStyle(el).height === (el as HTMLElement).style.height)).toBe(true);
  }

  /** The plan overview's list of layout elements, a region named by its heading. */
  elementList(): Locator {
    return this.panel().getByRole('region', { name: this.t.elements, exact: true });
  }

  /** The notices: what went wrong (or is loading), as one live region. */
  notices(): Locator {
    return this.page.getByRole('status', { name: this.t.notices.title, exact: true });
  }

  /** The notice cards, one group each named by what it says; `hasText` picks those that mention it. */
  noticeCards(hasText?: string | RegExp): Locator {
    const cards = this.notices().getByRole('group');
    return hasText === undefined ? cards : cards.filter({ hasText });
  }

  /** The legend. */
  legend(): Locator {
    return this.page.getByRole('region', { name: this.t.legend, exact: true });
  }

  /** The place names and plan elements the map shows, as the screen-reader list tells them. */
  visibleNames(): Promise<string[]> {
    // Included where hidden from assistive technology: a presentation hides the atlas behind its slide.
    return this.page.getByRole('list', { name: this.t.visibleOnMap, includeHidden: true }).getByRole('listitem', { includeHidden: true }).allTextContents();
  }

  /** Whether a live region has announced text matching `pattern` (what a screen reader would read out). */
  async announced(pattern: RegExp): Promise<boolean> {
    return (await this.page.getByText(pattern).count()) > 0;
  }

  /** The button that opens the plan menu, naming the current plan. */
  planButton(): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${this.t.plans}`) });
  }

  /** A button of the plan overview's list of layout elements, by the element's name. */
  elementButton(name: string | RegExp): Locator {
    return this.panel().getByRole('button', { name });
  }

  /** Whether `locator` has keyboard focus. */
  isFocused(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => el === document.activeElement);
  }

  /** Whether the map itself (its canvas) has keyboard focus. */
  mapHasFocus(): Promise<boolean> {
    return this.map().evaluate((el) => !!document.activeElement && el.contains(document.activeElement) && document.activeElement.tagName === 'CANVAS');
  }

  /** The element that has keyboard focus, as the map canvas or its accessible text, for messages. */
  focusedText(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return '';
      return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
    });
  }

  // What a person does.

  /** Opens the plan menu, types `place` into its filter and chooses the plan whose name starts with it. */
  async openPlan(place: string): Promise<void> {
    await this.planButton().click();
    await this.page.getByRole('combobox', { name: this.t.planFilter }).fill(place);
    await this.page
      .getByRole('treeitem', { name: new RegExp(`^${place}`) })
      .first()
      .click();
    await expect.poll(() => this.planButton().textContent()).toContain(place);
  }

  /** Selects a layout element from the plan overview's list, and waits for its details. */
  async select(name: string): Promise<void> {
    await this.elementButton(name).click();
    await expect.poll(() => this.detailsTitle()).toBe(name);
  }

  /** Clicks the map at a point of the page (e.g. from `screenPoint`). */
  async clickMap(at: { x: number; y: number }): Promise<void> {
    await this.page.mouse.click(at.x, at.y);
  }

  /** The map's box on the page. */
  async mapBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.map().boundingBox();
    if (!box) throw new Error('the map is not on the page');
    return box;
  }

  /** The top bar: the atlas's name, the plan menu, the search box and the view's buttons. */
  topBar(): Locator {
    return this.page.getByRole('banner');
  }

  /**
   * How many rows the top bar's controls (its heading, buttons and search box) take, and the bar's height against
   * its tallest control's: what a person sees of a bar that wraps.
   */
  async topBarRows(): Promise<{ rows: number; height: number; tallest: number }> {
    const bar = this.topBar();
    const controls = [bar.getByRole('heading', { level: 1 }), bar.getByRole('button'), bar.getByRole('combobox')];
    const boxes: { y: number; height: number }[] = [];
    for (const kind of controls)
      for (const control of await kind.all()) {
        const box = await control.boundingBox(); // null when hidden at this size
        if (box && box.height > 0) boxes.push(box);
      }
    boxes.sort((a, b) => a.y - b.y);
    // A control starts a new row when it begins below the middle of the row above.
    let rows = 0;
    let rowMiddle = Number.NEGATIVE_INFINITY;
    for (const b of boxes)
      if (b.y > rowMiddle) {
        rows += 1;
        rowMiddle = b.y + b.height / 2;
      }
    const height = (await bar.boundingBox())?.height ?? 0;
    return { rows, height, tallest: Math.max(...boxes.map((b) => b.height)) };
  }

  /**
   * The top bar's controls and the panel's heading (when shown) that reach past the window's right edge (by their text): what a
   * person cannot see or reach without a page that scrolls sideways.
   */
  async pastTheRightEdge(): Promise<string[]> {
    const width = this.page.viewportSize()?.width ?? 0;
    const bar = this.topBar();
    const past: string[] = [];
    const heading = (await this.panelHeading().count()) ? [this.panelHeading()] : []; // none beside the project list
    for (const control of [...(await bar.getByRole('button').all()), ...(await bar.getByRole('combobox').all()), ...heading]) {
      const box = await control.boundingBox(); // null when hidden at this size
      if (box && box.x + box.width > width + 0.5) past.push((await control.textContent()) || (await control.getAttribute('placeholder')) || '?');
    }
    return past;
  }

  /** The search box's hint, and how much of it fits: its width in the box's font against the room the box gives it. */
  searchHint(): Promise<{ text: string; width: number; room: number }> {
    return this.searchBox().evaluate((el) => {
      const input = el as HTMLInputElement;
      const css = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) throw new Error('no canvas to measure the hint with');
      context.font = `${css.fontStyle} ${css.fontWeight} ${css.fontSize} ${css.fontFamily}`;
      const room = input.clientWidth - Number.parseFloat(css.paddingLeft) - Number.parseFloat(css.paddingRight);
      return { text: input.placeholder, width: context.measureText(input.placeholder).width, room };
    });
  }

  /** The search box. */
  searchBox(): Locator {
    return this.page.getByRole('search').getByRole('combobox');
  }

  /** The search suggestions, in groups named by what they hold (plans first, then one group per plan). */
  searchResults(): Locator {
    return this.page.getByRole('listbox', { name: this.t.searchResults });
  }

  /** Types into the search box, waits for suggestions and takes the first with Enter. */
  async search(text: string): Promise<void> {
    const box = this.page.getByRole('search').getByRole('combobox');
    await box.fill(text);
    await expect.poll(() => this.page.getByRole('listbox', { name: this.t.searchResults }).getByRole('option').count()).toBeGreaterThan(0);
    await box.press('Enter');
  }

  /** Switches the interface to `lang` with the language button (which names that language in its own words). */
  async switchLanguage(lang: Lang): Promise<void> {
    await this.page.getByRole('button', { name: languages[lang].self, exact: true }).click();
    this.speaks(lang);
  }

  /** Closes the details with their close button. */
  async closeDetails(): Promise<void> {
    await this.details().getByRole('button', { name: this.t.close, exact: true }).click();
  }
}
