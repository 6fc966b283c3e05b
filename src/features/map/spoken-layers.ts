/**
 * The map's text alternative: the layers whose names are read to screen readers (the list of names the map
 * shows, updated when it settles) say so in their own definition, `metadata: spoken`, so a new label layer is read
 * by marking it there.
 */
import type { StyleSpecification } from 'maplibre-gl';

const spokenKey = 'atlas:spoken';

/** A layer's `metadata` when the map's text alternative reads its names. */
export const spoken: Readonly<Record<typeof spokenKey, true>> = { [spokenKey]: true };

/** The ids of a style's layers whose names are read, in drawing order. */
export function spokenLayerIds(style: Pick<StyleSpecification, 'layers'>): string[] {
  return style.layers.filter((l) => (l.metadata as Record<string, unknown> | undefined)?.[spokenKey] === true).map((l) => l.id);
}
