/**
 * Presentation derived from plan data: colours per element and category symbols.
 * A plan may set its colour in data (presentation.color); everything else follows from it.
 */
import type { AtlasFeature, Category, Role } from './atlas-data';

/** Distinct, print-safe hues for zones and belts (ColorBrewer-like, tuned to read on a projector). */
const elementPalette = ['#d1495b', '#e08e0b', '#00798c', '#30638e', '#6a4c93', '#5c9e3b', '#c2185b', '#8d6e63', '#1b998b', '#b5651d'];

/** Colour, glyph and English initial of each project category. */
export const categoryStyle: Record<Category, { color: string; glyph: string; glyphEn: string }> = {
  medical: { color: '#c0392b', glyph: '医', glyphEn: 'H' },
  tcm: { color: '#8e5b2d', glyph: '中', glyphEn: 'T' },
  'public-health': { color: '#148f77', glyph: '卫', glyphEn: 'P' },
  eldercare: { color: '#d35400', glyph: '养', glyphEn: 'E' },
  'wellness-tourism': { color: '#2e8b57', glyph: '康', glyphEn: 'W' },
  sports: { color: '#2471a3', glyph: '体', glyphEn: 'S' },
  biomedicine: { color: '#7d3c98', glyph: '药', glyphEn: 'B' },
  'green-food': { color: '#6b8e23', glyph: '食', glyphEn: 'F' },
  education: { color: '#9a7d0a', glyph: '教', glyphEn: 'L' },
  'digital-health': { color: '#34495e', glyph: '数', glyphEn: 'D' },
  other: { color: '#707b7c', glyph: '其', glyphEn: 'O' },
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
