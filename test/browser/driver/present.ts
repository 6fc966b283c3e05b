/**
 * Presentation mode as a speaker uses it: start, step with a clicker's keys or the buttons, read the slide, leave.
 * Found by role and accessible name in the interface's own words; pair it with an `Atlas` on the same page.
 */
import type { Locator, Page } from 'playwright-core';
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
    return this.progress().locator('[aria-current="step"]').getAttribute('aria-label');
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
