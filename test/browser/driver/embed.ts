/**
 * The embedded atlas (`?embed=1`) as a visitor of the host page sees it, inside its iframe or on its own page:
 * the map, the plan bar with its link to the full atlas, the legend, the details. Found by role and accessible name.
 */
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Lang, languages, type UiStrings } from '../../../src/i18n/languages';

/** Where the embed is: a page, a frame, or a frame locator of the host page. */
export type EmbedScope = Page | Frame | FrameLocator;

export class EmbeddedAtlas {
  readonly t: UiStrings;

  constructor(
    readonly scope: EmbedScope,
    lang: Lang = 'zh',
  ) {
    this.t = languages[lang];
  }

  /** The map, as the region screen readers announce. */
  map(): Locator {
    return this.scope.getByRole('region', { name: this.t.mapLabel, exact: true });
  }

  /** Waits until the map has drawn for the first time. */
  async mapIdle(timeout = 45_000): Promise<void> {
    await expect.poll(() => this.map().getAttribute('data-idle'), { timeout }).toBe('true');
  }

  /** The bar above the map: which plan this is, and the link out. */
  bar(): Locator {
    return this.scope.getByRole('region', { name: this.t.embedBar, exact: true });
  }

  /** The plan the bar names (its place and layout formula). */
  title(): Promise<string | null> {
    return this.bar().getByRole('paragraph').first().textContent();
  }

  /** The link to the full atlas (a new tab). */
  fullAtlasLink(): Locator {
    return this.scope.getByRole('link', { name: new RegExp(`^${this.t.openFullAtlas}`) });
  }

  /** The legend. */
  legend(): Locator {
    return this.scope.getByRole('region', { name: this.t.legend, exact: true });
  }

  /** The name of what the details show. */
  detailsTitle(): Promise<string | null> {
    return this.scope.getByRole('complementary', { name: this.t.details, exact: true }).getByRole('heading', { level: 2 }).textContent();
  }

  /** The plan's overview beside the map. */
  overview(): Locator {
    return this.scope.getByRole('complementary', { name: this.t.overview, exact: true });
  }

  /** The notices (what went wrong and what to do), as one live region. */
  notices(): Locator {
    return this.scope.getByRole('status', { name: this.t.notices.title, exact: true });
  }

  /** The page's own message when the app cannot start in this frame (an alert naming what the host must allow). */
  bootFallback(): Locator {
    return this.scope.getByRole('alert').filter({ hasText: 'allow-same-origin' });
  }
}
