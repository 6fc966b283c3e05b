import { useAtlasStore } from '../state/store';
import { languages, type UiStrings } from './languages';

/** The interface strings in the chosen language. */
export function useStrings(): UiStrings {
  return languages[useAtlasStore((s) => s.lang)];
}
