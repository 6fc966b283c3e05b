/**
 * Presentation mode as a speaker uses it: start, step with a clicker's keys or the buttons, read the slide, leave.
 * Found by role and accessible name in the interface's own words; pair it with an `Atlas` on the same page.
 */
import type { Locator, Page } from 'playwright-core';
import type { UiStrings } from '../../../src/i18n/languages';
import { expect } from 'vitest';
import type { Atlas } from './atlas';

export class Presentation {
  constructor(private readonly atlas: Atlas) {}

  private get page(): Page {
    return this.atlas.page;
  }

  /** Starts presenting with the top bar's button. */
  async start(): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(this.atlas.t.present) }).click();
    await expect.poll(() => this.isOn()).toBe(true);
  }

  /** Whether a presentation is on screen (its progress list is shown). */
  async isOn(): Promise<boolean> {
    return (await this.progress().count()) > 0;
  }

  /** The list of chapters, one button each. */
  progress(): Locator {
    return this.page.getByRole('list', { name: this.atlas.t.progress, exact: true });
  }

  /** The slide's title. */
  title(): Promise<string | null> {
    return this.page.getByRole('heading', { level: 2 }).first().textContent();
  }

  /** The chapter on screen, as its progress button names it (`3. 滇东…`). */
  current(): Promise<string | null> {
    // The button a screen reader announces as the current step (getByRole has no option for aria-current).
    return this.progress()
      .getByRole('button')
      .evaluateAll((buttons) => buttons.find((b) => b.getAttribute('aria-current') === 'step')?.getAttribute('aria-label') ?? null);
  }

  /** The step within a stepped chapter and the chapter's steps, as the bar shows them (`· 3/10`). */
  async stepCount(): Promise<[number, number]> {
    // The text starts with a space (it follows the chapter count), which a regex sees.
    const shown = (await this.page.getByText(/^\s*· \d+\/\d+$/).textContent()) ?? '';
    const [, step = Number.NaN, steps = Number.NaN] = /(\d+)\/(\d+)/.exec(shown)?.map(Number) ?? [];
    return [step, steps];
  }

  /** The slide's card: a region named by the slide's title. */
  async card(): Promise<Locator> {
    return this.page.getByRole('region', { name: (await this.title()) ?? '', exact: true });
  }

  /** The number of the chapter on screen, as the progress list counts it (1 is the first). */
  async number(): Promise<number> {
    return Number(/^(\d+)\./.exec((await this.current()) ?? '')?.[1] ?? Number.NaN);
  }

  /** The small line above the title: the layout term the element belongs to (一核, 两区 …) or what the slide holds. */
  async kicker(): Promise<string | null> {
    return (await this.card()).getByRole('paragraph').first().textContent();
  }

  /** The plan's words the slide quotes (at this step). */
  async caption(): Promise<string | null> {
    return (await this.card()).getByRole('blockquote').first().textContent();
  }

  /** The step of a stepped chapter in the address (null before the first step). */
  step(): string | null {
    return this.atlas.hash('step');
  }

  /** Opens the presenter's window with P and waits for it. */
  async openPresenter(): Promise<PresenterView> {
    const [page] = await Promise.all([this.atlas.context.waitForEvent('page'), this.press('p')]);
    const view = new PresenterView(page, this.atlas.t);
    await view.now().waitFor({ timeout: 30_000 });
    return view;
  }

  /** The key projects the slide names (empty on a slide that names none). */
  keyProjects(): Promise<string[]> {
    return this.page.getByRole('list', { name: this.atlas.t.keyProjects, exact: true }).getByRole('listitem').allTextContents();
  }

  /** The slide's legend. */
  legend(): Locator {
    return this.page.getByRole('region', { name: this.atlas.t.legend, exact: true });
  }

  /** The colour of a legend row's swatch (the row found by the name it shows). */
  legendColor(name: string): Promise<string | null> {
    return this.legend().getByRole('listitem').filter({ hasText: name }).locator('svg [fill]').first().getAttribute('fill');
  }

  /** Whether the slide is the plan's indicators (a wide card with a table instead of a legend). */
  async isIndicators(): Promise<boolean> {
    return (await this.title()) === this.atlas.t.indicators;
  }

  /** How many rows the chapters' buttons take on screen. */
  async progressRows(): Promise<number> {
    const tops = await this.progress()
      .getByRole('button')
      .evaluateAll((buttons) =>
        buttons.map((b) => {
          // By its middle: the current chapter's button is drawn larger around it.
          const r = b.getBoundingClientRect();
          return Math.round((r.top + r.bottom) / 2);
        }),
      );
    return new Set(tops).size;
  }

  /** Whether the bar shows the plan's formula (or title) whole: not cut, not run under the chapters. */
  async planNameWhole(): Promise<boolean> {
    return this.progress().evaluate((list) => {
      const name = list.previousElementSibling as HTMLElement;
      return name.scrollWidth <= name.clientWidth + 1 && name.getBoundingClientRect().right <= list.getBoundingClientRect().left;
    });
  }

  /** Whether the card shows all of its text without scrolling. */
  async cardFits(): Promise<boolean> {
    return (await this.card()).evaluate((el) => el.scrollHeight <= el.clientHeight + 1);
  }

  /** The chapter number in the address (0 is the overview). */
  chapter(): string | null {
    return this.atlas.hash('chapter');
  }

  /** The next step or chapter with the Next button. */
  async next(): Promise<void> {
    await this.page.getByRole('button', { name: this.atlas.t.next, exact: true }).click();
  }

  /** The previous step or chapter with the Previous button. */
  async previous(): Promise<void> {
    await this.page.getByRole('button', { name: this.atlas.t.previous, exact: true }).click();
  }

  /** Presses a clicker's key (ArrowRight, PageDown, Space, Home, End …). */
  press(key: string): Promise<void> {
    return this.page.keyboard.press(key);
  }

  /** Presses `key` until the address names `chapter` (a chapter may take several steps). */
  async pressUntil(key: string, chapter: string): Promise<void> {
    for (let i = 0; i < 20 && this.chapter() !== chapter; i++) await this.press(key);
    await expect.poll(() => this.chapter()).toBe(chapter);
  }

  /** Leaves with Escape, back to the atlas. */
  async leave(): Promise<void> {
    await this.press('Escape');
    await expect.poll(() => this.isOn()).toBe(false);
  }
}

/** The presenter's own window: the slide now, the next one, a clock and notes. */
export class PresenterView {
  constructor(
    readonly page: Page,
    private readonly t: UiStrings,
  ) {}

  /** The slide on the audience's screen, as the presenter sees it. */
  now(): Locator {
    return this.page.getByRole('region', { name: this.t.presenterNow, exact: true });
  }

  /** The title of the slide now. */
  nowTitle(): Promise<string | null> {
    return this.now().getByRole('heading', { level: 2 }).textContent();
  }

  /** The title of the next slide. */
  nextTitle(): Promise<string | null> {
    return this.page.getByRole('complementary', { name: this.t.presenterNext, exact: true }).getByRole('heading', { level: 4 }).textContent();
  }

  /** The time since the presenter's window opened, as it shows it (mm:ss). */
  clock(): Promise<string | null> {
    return this.page.getByText(/^\d\d:\d\d$/).textContent();
  }

  /** Presses a key in the presenter's window. */
  press(key: string): Promise<void> {
    return this.page.keyboard.press(key);
  }
}
