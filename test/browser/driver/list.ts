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

  /** How many projects the count line says are listed (the first number of `12 / 230` or `共 230`). */
  async count(): Promise<number> {
    const text = (await this.total()) ?? '';
    return Number(/(\d+)/.exec(text)?.[1] ?? Number.NaN);
  }

  /** The project rows on the page (windowed), top to bottom; each names its project in its row header. */
  rows(): Locator {
    return this.table()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader') });
  }

  /** The project ids of the rows on the page, top to bottom (the rows carry them for the map and the tests). */
  ids(): Promise<(string | null)[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
  }

  /** How many rows are wholly in view in the list's scrolling area and the window. */
  async rowsInView(): Promise<number> {
    const view = await this.table().evaluate((table) => {
      const box = table.parentElement!.getBoundingClientRect();
      return { top: box.top, bottom: Math.min(box.bottom, window.innerHeight) };
    });
    return this.rows().evaluateAll(
      (rows, v) =>
        rows.filter((r) => {
          const b = r.getBoundingClientRect();
          return b.top >= v.top - 1 && b.bottom <= v.bottom + 1;
        }).length,
      view,
    );
  }

  /** Chooses the row at `index` (from the top of the page's rows) by its project name. */
  async chooseRow(index: number): Promise<void> {
    await this.rows().nth(index).getByRole('rowheader').getByRole('button').click();
  }

  /** Adds the row at `index` to the shortlist with its star. */
  async shortlistRow(index: number): Promise<void> {
    const row = this.rows().nth(index);
    const name = (await row.getByRole('rowheader').getByRole('button').textContent()) ?? '';
    await row.getByRole('button', { name: this.b.shortlistAdd(name), exact: true }).click();
  }

  /** Shows the shortlist (the tab names how many are on it). */
  async showShortlist(n: number): Promise<void> {
    await this.root()
      .getByRole('button', { name: new RegExp(this.b.listShortlist(n)) })
      .click();
  }

  /** Chooses one plan in the list's plan filter, by its id. */
  async filterPlan(id: string): Promise<void> {
    await this.root().getByLabel(this.b.plan, { exact: true }).selectOption(id);
  }

  /** Presses a category's chip in the more-filters panel (open it first), by its visible name. */
  async filterCategory(name: string): Promise<void> {
    await this.root()
      .getByRole('group', { name: this.b.category, exact: true })
      .getByRole('button', { name: new RegExp(`^${name}\\s*\\d+$`) })
      .click();
  }

  /** The chips of the active filters, one button each that removes it (the group's clear-all button aside). */
  activeFilters(): Locator {
    return this.root()
      .getByRole('group', { name: this.b.activeFilters, exact: true })
      .getByRole('button', { name: new RegExp(`^${this.b.removeFilter('')}`) });
  }

  /** Clears every filter. */
  async clearFilters(): Promise<void> {
    await this.root().getByRole('button', { name: this.b.clear, exact: true }).click();
  }

  /** Opens the shortlist's side-by-side comparison and returns the dialog. */
  async compare(): Promise<Locator> {
    await this.root().getByRole('button', { name: this.b.compare, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: this.b.compareTitle, exact: true });
    await dialog.waitFor();
    return dialog;
  }

  /** Opens the download menu and chooses a format by its name (e.g. `b.formats.xlsx.name`). */
  async chooseDownload(formatName: string): Promise<void> {
    await this.root()
      .getByRole('button', { name: new RegExp(this.b.book) })
      .click();
    await this.page
      .getByRole('group', { name: this.b.download, exact: true })
      .getByRole('button', { name: new RegExp(formatName) })
      .click();
  }

  /** The printed project book (a dialog), once open. */
  book(): Locator {
    return this.page.getByRole('dialog', { name: this.b.reportTitle, exact: true });
  }
}
