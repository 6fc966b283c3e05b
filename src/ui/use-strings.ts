import { strings, type UiStrings } from '../lib/i18n';
import { useAtlasStore } from '../state/store';

/** The interface strings in the chosen language. */
export function useStrings(): UiStrings {
  return strings[useAtlasStore((s) => s.lang)];
}
