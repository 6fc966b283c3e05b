/**
 * The plan studio as a planner uses it, for browser tests: each method is one step a person takes (open the
 * studio, choose an item, find a passage in the plan's text, move a point, save), found by role and accessible name.
 */
import type { Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { studioZh as t } from '../../../src/i18n/studio-zh';
import { zh } from '../../../src/i18n/zh';

export class StudioDriver {
  constructor(readonly page: Page) {}

  get pane(): Locator {
    return this.page.getByRole('complementary', { name: '规划工作室' });
  }

  /** Waits until the atlas shows the plan's overview, its title as the side panel's heading (what the studio opens on). */
  async planShown(): Promise<void> {
    await this.page.getByRole('complementary', { name: zh.overview, exact: true }).getByRole('heading', { level: 2 }).waitFor({ timeout: 60_000 });
  }

  /** Opens the studio on the plan on the map and waits until its preview is compiled (the map is editable). */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: /编辑/ }).first().click();
    await this.checked();
  }

  /** Waits until the studio has checked the plan: its check, shown once the plan is open, no longer says it is checking. */
  private async checked(): Promise<void> {
    const check = this.pane.getByRole('status', { name: t.checkLabel, exact: true });
    await check.waitFor({ timeout: 60_000 });
    await check.getByText(t.checking).waitFor({ state: 'detached', timeout: 60_000 });
  }

  /** Waits until the map draws the layout of `plan` (the map's owner names the plan it shows on the map region). */
  async mapShows(plan: string, timeout = 30_000): Promise<void> {
    await expect.poll(() => this.page.getByRole('region', { name: zh.mapLabel, exact: true }).getAttribute('data-plan-shown'), { timeout }).toBe(plan);
  }

  /** Chooses what to edit from the plan's own list: an element, a project or an unplaced item, by its name. */
  async choose(name: string | RegExp): Promise<void> {
    const select = this.pane.getByLabel('要编辑的条目');
    const label = await select.getByRole('option', { name }).first().textContent();
    await select.selectOption({ label: label ?? '' });
  }

  /** Finds a passage in the plan's text with the pane's search: found, it is selected (the pick). */
  async find(text: string): Promise<void> {
    await this.pane.getByRole('searchbox', { name: '在原文中查找' }).fill(text);
    await this.pane.getByRole('button', { name: '查找', exact: true }).click();
  }

  /** Selects a passage of the plan's text with the mouse, as a person would drag over it. */
  async selectWithMouse(text: string): Promise<void> {
    const box = await this.page.getByRole('document', { name: t.seedText, exact: true }).evaluate((container, wanted) => {
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
    return this.pane.getByRole('status', { name: t.seedStatusLabel, exact: true }).innerText();
  }

  /** Types a point for the item being edited, with its precision and source, and applies it. */
  async movePoint(lon: number, lat: number, precision: string, source: string): Promise<void> {
    await this.pane.getByLabel('经度').fill(String(lon));
    await this.pane.getByLabel('纬度').fill(String(lat));
    await this.pane.getByLabel('位置精度').selectOption({ label: precision });
    await this.pane.getByLabel(/坐标来源/).fill(source);
    await this.pane.getByRole('button', { name: '应用位置' }).click();
  }

  /** The items of one of the item's lists of the plan's words (`功能`, `项目`), each as shown with its buttons. */
  listItems(name: string): Promise<string[]> {
    return this.pane.getByRole('list', { name, exact: true }).getByRole('listitem').allInnerTexts();
  }

  /** The change list in words (its summary line; the list of changes stays folded). */
  changes(): Promise<string> {
    return this.pane.getByRole('status', { name: t.changeListLabel, exact: true }).innerText();
  }

  /** Waits for the preview to be compiled again and returns its problems (empty when the plan builds). */
  async problems(): Promise<string[]> {
    const check = this.pane.getByRole('status', { name: t.checkLabel, exact: true });
    await check.getByText(t.checking).waitFor({ state: 'detached' });
    return check.getByRole('listitem').allInnerTexts();
  }

  /** Saves the plan's files as a zip and returns the download. */
  async saveZip(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.pane.getByRole('button', { name: '保存为 zip' }).click();
    return download;
  }

  /** Types into the atlas's search box (the top bar's, not the text pane's). */
  async searchAtlas(text: string): Promise<void> {
    await this.page.getByRole('search').getByRole('combobox').fill(text);
  }

  /** The suggestions the atlas's search box shows. */
  searchResults(): Promise<string[]> {
    return this.page.getByRole('listbox', { name: '搜索结果' }).getByRole('option').allInnerTexts();
  }

  /** Opens the project list beside the studio (the preview's projects are listed there) and returns its table. */
  async projectList(): Promise<Locator> {
    await this.page.getByRole('button', { name: '项目列表', exact: true }).click();
    const table = this.page.getByRole('table');
    await table.waitFor({ timeout: 30_000 });
    return table;
  }

  /** The studio's title line, which says where the plan came from (the atlas, a folder, a new plan). */
  title(): Promise<string> {
    return this.pane.getByRole('heading', { level: 2 }).innerText();
  }

  /** Opens a folder through the folder picker input (the browsers without the File System Access API). */
  async openFolderFiles(dir: string): Promise<void> {
    await this.pane.getByLabel('打开文件夹…').setInputFiles(dir);
  }

  /** Opens a folder with the 打开文件夹… button (the File System Access API's picker where the browser has it). */
  async openFolder(): Promise<void> {
    await this.pane.getByRole('button', { name: '打开文件夹…' }).click();
  }

  /** Writes the plan's files back into the opened folder, named `folder`; returns the studio's message. */
  async writeBack(folder: string): Promise<string> {
    await this.pane.getByRole('button', { name: `写回文件夹“${folder}”` }).click();
    const message = this.pane.getByRole('status', { name: t.messageLabel, exact: true });
    await message.filter({ hasText: '已写回' }).waitFor({ timeout: 30_000 });
    return message.innerText();
  }

  /** After a reload: the offer to restore unsaved studio work, accepted; waits for the studio to be ready again. */
  async restoreDraft(): Promise<void> {
    await this.page.getByRole('region', { name: '未保存的编辑' }).getByRole('button', { name: '恢复编辑' }).click();
    await this.checked();
  }

  /** The coordinates shown for the item being edited. */
  async point(): Promise<[number, number]> {
    return [Number(await this.pane.getByLabel('经度').inputValue()), Number(await this.pane.getByLabel('纬度').inputValue())];
  }

  async undo(): Promise<void> {
    await this.pane.getByRole('button', { name: /撤销/ }).click();
  }

  async redo(): Promise<void> {
    await this.pane.getByRole('button', { name: /重做/ }).click();
  }
}
