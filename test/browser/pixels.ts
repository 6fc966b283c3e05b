import type { Page } from 'playwright-core';

/**
 * Decodes a PNG in the page itself (no image library) and sums up its pixels: how many distinct colours, or a hash of
 * each row (to compare two images row by row). One decoder for both, as the page runs a function sent as text.
 */
function inPage(page: Page, png: Buffer, what: 'colors'): Promise<number>;
function inPage(page: Page, png: Buffer, what: 'rows'): Promise<{ width: number; rows: number[] }>;
function inPage(page: Page, png: Buffer, what: 'near', color: [number, number, number]): Promise<number>;
function inPage(
  page: Page,
  png: Buffer,
  what: 'colors' | 'rows' | 'near',
  color?: [number, number, number],
): Promise<number | { width: number; rows: number[] }> {
  return page.evaluate(
    async ([b64, wanted, rgb]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return wanted === 'rows' ? { width: 0, rows: [] } : 0;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      if (wanted === 'near' && rgb) {
        let n = 0;
        for (let i = 0; i < data.length; i += 4)
          if (Math.abs(data[i]! - rgb[0]) + Math.abs(data[i + 1]! - rgb[1]) + Math.abs(data[i + 2]! - rgb[2]) <= 24) n += 1;
        return n;
      }
      if (wanted === 'colors') {
        const seen = new Set<number>();
        for (let i = 0; i < data.length; i += 4) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        return seen.size;
      }
      const rows: number[] = [];
      for (let y = 0; y < img.height; y++) {
        let h = 0;
        for (let i = y * img.width * 4; i < (y + 1) * img.width * 4; i++) h = (h * 31 + data[i]!) | 0;
        rows.push(h);
      }
      return { width: img.width, rows };
    },
    [png.toString('base64'), what, color] as const,
  );
}

/** Counts the distinct colours of a screenshot region. */
export async function distinctColors(page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<number> {
  return inPage(page, await page.screenshot({ clip }), 'colors');
}

/** How many pixels of a screenshot region are (nearly: a summed difference of at most 24) of one colour. */
export async function pixelsOfColor(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
  color: [number, number, number],
): Promise<number> {
  return inPage(page, await page.screenshot({ clip }), 'near', color);
}

/** A PNG's width and, per row, a hash of the row's pixels: two images differ exactly in the rows whose hashes differ. */
export function pngRows(page: Page, png: Buffer): Promise<{ width: number; rows: number[] }> {
  return inPage(page, png, 'rows');
}
