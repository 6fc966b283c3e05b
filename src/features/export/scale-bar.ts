/** A round scale-bar length (1, 2 or 5 × 10ⁿ metres) that fits in `maxPixels`. */
export function niceScale(metresPerPixel: number, maxPixels: number): { metres: number; pixels: number; label: string } {
  const max = metresPerPixel * maxPixels;
  const exp = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((m) => m * exp).find((m) => m <= max) ?? exp;
  return { metres, pixels: metres / metresPerPixel, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}
