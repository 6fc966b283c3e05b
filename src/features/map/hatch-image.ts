/** The diagonal hatching that marks schematic areas, drawn once into pixels (no sprite server). */
export function hatchImage(size = 12): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = (x + y) % size;
      if (d === 0 || d === 1) {
        const i = (y * size + x) * 4;
        data.set([70, 60, 50, 150], i);
      }
    }
  }
  return { width: size, height: size, data };
}
