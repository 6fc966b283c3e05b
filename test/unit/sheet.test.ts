import { describe, expect, it } from 'vitest';
import { nearestSnap, sheetHeight, stepSnap } from '../../src/lib/sheet';

describe('bottom sheet snap points', () => {
  it('grow from peek to half to full', () => {
    const h = 700;
    expect(sheetHeight('peek', h)).toBeLessThan(sheetHeight('half', h));
    expect(sheetHeight('half', h)).toBeLessThan(sheetHeight('full', h));
    expect(sheetHeight('full', h)).toBeLessThanOrEqual(h);
  });
  it('snaps a drag to the nearest point, a flick one further', () => {
    expect(nearestSnap(sheetHeight('peek', 700) - 20, 700)).toBe('peek');
    expect(nearestSnap(330, 700)).toBe('half');
    expect(nearestSnap(600, 700)).toBe('full');
    expect(nearestSnap(sheetHeight('peek', 700) + 4, 700, 1.2)).toBe('half');
    expect(nearestSnap(340, 700, -1.2)).toBe('peek');
  });
  it('steps up and down and stops at the ends', () => {
    expect(stepSnap('peek', 1)).toBe('half');
    expect(stepSnap('full', 1)).toBe('full');
    expect(stepSnap('peek', -1)).toBe('peek');
  });
});
