/**
 * The plan studio as a planner uses it, for browser tests: each method is one step a person takes (open the
 * studio, choose an item, find a passage in the plan's text, move a point, save), found by role and accessible name.
 */
import type { Download, Locator, Page } from 'playwright-core';

export class StudioDriver {
  constructor(readonly page: Page) {}

  get pane(): Locator {
    return this.page.getByRole('complementary', { name: '规划工作室' });
  }

  /** Opens the studio on the plan on the map and waits until its preview is compiled (the map is editable). */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: /编辑/ }).first().click();
    await this.page.waitForSelector('.studio[data-ready="true"]', { timeout: 60_000 });
  }

  /** Chooses what to edit from the plan's own list: an element, a project or an unplaced item, by its name. */
  async choose(name: string | RegExp): Promise<void> {
    const select = this.pane.getByLabel('要编辑的条目');
    const label = await select.locator('option').filter({ hasText: name }).first().textContent();
    await select.selectOption({ label: label ?? '' });
  }

  /** Finds a passage in the plan's text with the pane's search: found, it is selected (the pick). */
  async find(text: string): Promise<void> {
    await this.pane.getByRole('searchbox', { name: '在原文中查找' }).fill(text);
    await this.pane.getByRole('button', { name: '查找', exact: true }).click();
  }

  /** Selects a passage of the plan's text with the mouse, as a person would drag over it. */
  async selectWithMouse(text: string): Promise<void> {
    const box = await this.page.evaluate((wanted) => {
      const container = document.querySelector('.studio-seed-text');
      if (!container) return null;
      // The text node that holds the passage (Word's artefacts sit in hidden spans between text nodes).
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      let node: Node | null = walker.nextNode();
      while (node && !node.textContent?.includes(wanted)) node = walker.nextNode();
      const at = node?.textContent?.indexOf(wanted) ?? -1;
      if (!node || at < 0) return null;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at);
      range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
      const start = range.getBoundingClientRect();
      container.scrollTop += start.top - container.getBoundingClientRect().top - 40;
      const first = document.createRange();
      first.setStart(node, at);
      first.setEnd(node, at + 1);
      const last = document.createRange();
      last.setStart(node, at + wanted.length - 1);
      last.setEnd(node, at + wanted.length);
      const a = first.getBoundingClientRect();
      const b = last.getBoundingClientRect();
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }, text);
    if (!box) throw new Error(`“${text}” is not shown in the seed pane`);
    await this.page.mouse.move(box.x1, box.y1);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x2, box.y2, { steps: 8 });
    await this.page.mouse.up();
  }

  /** The line under the search that says what is selected, or why a passage cannot be used. */
  seedStatus(): Promise<string> {
    return this.pane.locator('.studio-seed-status').innerText();
  }

  /** Types a point for the item being edited, with its precision and source, and applies it. */
  async movePoint(lon: number, lat: number, precision: string, source: string): Promise<void> {
    await this.pane.getByLabel('经度').fill(String(lon));
    await this.pane.getByLabel('纬度').fill(String(lat));
    await this.pane.getByLabel('位置精度').selectOption({ label: precision });
    await this.pane.getByLabel(/坐标来源/).fill(source);
    await this.pane.getByRole('button', { name: '应用位置' }).click();
  }

  /** The change list in words. */
  changes(): Promise<string> {
    return this.pane.locator('.studio-changes summary').innerText();
  }

  /** Waits for the preview to be compiled again and returns its problems (empty when the plan builds). */
  async problems(): Promise<string[]> {
    await this.page.waitForFunction(() => !document.querySelector('.studio-problems')?.textContent?.includes('正在按构建规则检查'));
    return this.pane.locator('.studio-problems li').allInnerTexts();
  }

  /** Saves the plan's files as a zip and returns the download. */
  async saveZip(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.pane.getByRole('button', { name: '保存为 zip' }).click();
    return download;
  }

  async undo(): Promise<void> {
    await this.pane.getByRole('button', { name: /撤销/ }).click();
  }

  async redo(): Promise<void> {
    await this.pane.getByRole('button', { name: /重做/ }).click();
  }
}
