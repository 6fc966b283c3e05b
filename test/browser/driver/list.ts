/**
 * The project list (the investors' workspace) as a person uses it: open it, filter, sort, shortlist, choose a row.
 * Found by role and accessible name in the interface's own words; pair it with an `Atlas` on the same page.
 */
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import type { Atlas } from './atlas';

export class ProjectList {
  constructor(private readonly atlas: Atlas) {}

  private get b() {
    return this.atlas.t.browser;
  }

  private get page() {
    return this.atlas.page;
  }

  /** The workspace, a region named by its title. */
  root(): Locator {
    return this.page.getByRole('region', { name: this.b.title, exact: true });
  }

  /** The table of projects (windowed: only the rows in view are on the page). */
  table(): Locator {
    return this.root().getByRole('table');
  }

  /** Opens the list with the top bar's button and waits for its rows. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: this.atlas.t.projectList, exact: true }).click();
    await this.loaded();
  }

  /** Waits until the list has loaded its projects (after opening, or after a link with `view=projects`). */
  async loaded(): Promise<void> {
    await expect.poll(() => this.table().count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => this.root().getByText(this.b.loading).count(), { timeout: 30_000 }).toBe(0);
  }

  /** Goes back to the map with the top bar's button. */
  async close(): Promise<void> {
    await this.page.getByRole('button', { name: this.atlas.t.backToMap, exact: true }).click();
  }

  /** Types `text` into the list's search field. */
  async filter(text: string): Promise<void> {
    await this.root().getByRole('searchbox', { name: this.b.search, exact: true }).fill(text);
  }

  /** Chooses a sort order by its visible name (e.g. `b.sorts.name`). */
  async sortBy(label: string): Promise<void> {
    await this.root().getByRole('combobox', { name: this.b.sort, exact: true }).selectOption({ label });
  }

  /** Opens or closes the panel of more filters (category, county, layout element). */
  async toggleMoreFilters(): Promise<void> {
    await this.root()
      .getByRole('button', { name: new RegExp(`^${this.b.moreFilters}`) })
      .click();
  }

  /** Removes one active filter by its chip's label. */
  async removeFilter(label: string): Promise<void> {
    await this.root()
      .getByRole('button', { name: this.b.removeFilter(label), exact: true })
      .click();
  }

  /** Adds a listed project to the shortlist with its star. */
  async shortlist(name: string): Promise<void> {
    await this.root()
      .getByRole('button', { name: this.b.shortlistAdd(name), exact: true })
      .click();
  }

  /** Removes a project from the shortlist with its star. */
  async unshortlist(name: string): Promise<void> {
    await this.root()
      .getByRole('button', { name: this.b.shortlistRemove(name), exact: true })
      .first()
      .click();
  }

  /** Chooses a listed project by its name (it is selected on the map and its details open). */
  async choose(name: string): Promise<void> {
    await this.table().getByRole('rowheader').getByRole('button', { name, exact: true }).first().click();
  }

  /** The names of the rows on the page, top to bottom. */
  names(): Promise<string[]> {
    return this.table().getByRole('rowheader').getByRole('button').allTextContents();
  }

  /** The count line, e.g. `12 / 230 个项目`. */
  total(): Promise<string | null> {
    return this.root().getByRole('status').first().textContent();
  }
}
