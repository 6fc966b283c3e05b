/**
 * Presentation derived from plan data: plan colours, colours per element and category symbols.
 * A plan may set its colour in data (presentation.color); everything else follows from it.
 */
import type { AtlasFeature, Category, Role } from './atlas-data';

/** Plan colours: strong, distinct from the base map's greys and blues, readable under white text. */
const planPalette = ['#b23a48', '#2b7a5b', '#7b4fa0', '#c26a1b', '#1f6e8c', '#8a3b12', '#3d5a80', '#9c2f6f', '#4f7a28', '#a0522d', '#5e548e', '#0f766e'];

/** A plan's default colour, stable for its id (FNV-1a hash into the palette), so adding a plan never recolours another. */
export function derivePlanColor(planId: string): string {
  let h = 0x811c9dc5;
  for (const ch of planId) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return planPalette[h % planPalette.length] ?? '#b23a48';
}

/** Distinct, print-safe hues for zones and belts (ColorBrewer-like, tuned to read on a projector). */
const elementPalette = ['#d1495b', '#e08e0b', '#00798c', '#30638e', '#6a4c93', '#5c9e3b', '#c2185b', '#8d6e63', '#1b998b', '#b5651d'];

/** Colour of each project category (its one-character glyph is a string of each language file). */
export const categoryColors: Record<Category, string> = {
  medical: '#c0392b',
  tcm: '#8e5b2d',
  'public-health': '#148f77',
  eldercare: '#d35400',
  'wellness-tourism': '#2e8b57',
  sports: '#2471a3',
  biomedicine: '#7d3c98',
  'green-food': '#6b8e23',
  education: '#9a7d0a',
  'digital-health': '#34495e',
  other: '#707b7c',
};

/**
 * A colour for every element of a plan: the core in the plan's colour, zones and belts each their own hue
 * in the order the plan lists them, nodes in the plan's colour. Linked parts share their zone's colour.
 */
export function elementColors(features: AtlasFeature[], planColor: string): Map<string, string> {
  const colors = new Map<string, string>();
  const counters: Partial<Record<Role, number>> = {};
  for (const f of features) {
    const p = f.properties;
    if (p.part === 'linked' || p.role === 'project') continue;
    if (p.role === 'core' || p.role === 'node') {
      colors.set(p.id, planColor);
      continue;
    }
    const n = counters[p.role] ?? 0;
    counters[p.role] = n + 1;
    // Belts start half-way round the palette so a belt never shares a zone's hue in a small plan.
    colors.set(p.id, elementPalette[(p.role === 'belt' ? n + 5 : n) % elementPalette.length] ?? planColor);
  }
  for (const f of features) if (f.properties.of) colors.set(f.properties.id, colors.get(f.properties.of) ?? planColor);
  return colors;
}

/**
 * A colour laid over paper at a given strength, as one opaque colour ('#rrggbb'): what a translucent fill looks
 * like, without mixing with another fill drawn under it. Colours that are not '#rrggbb' are returned as they are.
 */
export function tint(color: string, amount: number, paper = '#ffffff'): string {
  const rgb = (hex: string) => (/^#[0-9a-f]{6}$/i.test(hex) ? [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) : undefined);
  const c = rgb(color);
  const p = rgb(paper);
  if (!c || !p) return color;
  return `#${c
    .map((v, i) =>
      Math.round(v * amount + (p[i] ?? 255) * (1 - amount))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
