/**
 * A new interface language is its file and one line in languages.ts: here a fixture adds a third language to the
 * registry, and the address, the store and the language button take it with no other change.
 */
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageToggle } from '../../src/features/language/LanguageToggle';
import { formatHash, parseHash } from '../../src/features/url-state/hash-state';
import { startHashSync } from '../../src/features/url-state/hash-sync';
import { type Lang, languages } from '../../src/i18n/languages';
import { createAtlasStore, useAtlasStore } from '../../src/state/store';

// The one line a new language adds to languages.ts, with a copy of en.ts for its file.
vi.mock('../../src/i18n/languages', async (importOriginal) => {
  const registry = await importOriginal<typeof import('../../src/i18n/languages')>();
  Object.assign(registry.languages, { fr: { ...registry.languages.en, self: 'Français', htmlLang: 'fr', appTitle: 'Atlas des services de santé du Yunnan' } });
  return { ...registry, languageIds: Object.keys(registry.languages) };
});

const fr = 'fr' as Lang;
afterEach(() => window.history.replaceState(null, '', '/'));

describe('a third interface language', () => {
  it('is registered beside the others', () => {
    expect(Object.keys(languages)).toEqual(['zh', 'en', 'fr']);
  });

  it('is read from #lang= and written back', () => {
    expect(parseHash('#lang=fr')).toEqual({ lang: 'fr' });
    expect(formatHash({ lang: fr })).toBe('#lang=fr');
    // The default language is left out of the address; an unknown one is dropped.
    expect(formatHash({ lang: 'zh' })).toBe('');
    expect(parseHash('#lang=xx')).toEqual({});
  });

  it('round-trips through the address and the store', () => {
    window.history.replaceState(null, '', '/#plan=some-plan&lang=fr');
    const store = createAtlasStore();
    const stop = startHashSync(store);
    expect(store.getState().lang).toBe('fr');
    store.getState().setLang('en');
    expect(window.location.hash).toContain('lang=en');
    store.getState().setLang(fr);
    expect(window.location.hash).toContain('lang=fr');
    stop();
  });

  it('is offered by the language button after English', () => {
    useAtlasStore.getState().setLang('en');
    render(<LanguageToggle />);
    expect(screen.getByRole('button', { name: 'Français' })).toHaveAttribute('lang', 'fr');
  });
});
