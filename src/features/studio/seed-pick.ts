/** The passage chosen in the seed pane, shared with the editor that uses it (a quote, a function, a phrase). */
import { create } from 'zustand';

export interface SeedPick {
  /** The passage as a quote: verbatim, line breaks joined, page numbers and artefacts removed. */
  quote: string;
  /** The section it stands in, from the headings above it. */
  section: string;
}

export const useSeedPick = create<{ pick: SeedPick | null; setPick(pick: SeedPick | null): void }>()((set) => ({
  pick: null,
  setPick: (pick) => set({ pick }),
}));
