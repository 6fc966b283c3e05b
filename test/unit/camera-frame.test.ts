/** The projects view's camera: a new frame is flown to only when it is not (nearly) the view already shown. */
import { describe, expect, it } from 'vitest';
import { frameIsShown, moveIsNegligible } from '../../src/lib/camera-frame';

const view = { bbox: [99, 21, 106, 26] as [number, number, number, number], zoom: 6.2 };

describe('frameIsShown', () => {
  it('keeps the camera for a frame inside the view at nearly its zoom', () => {
    expect(frameIsShown(view, { bbox: [100, 22, 104, 25], zoom: 6.5 })).toBe(true);
  });

  it('flies when the frame reaches outside the view', () => {
    expect(frameIsShown(view, { bbox: [98.5, 22, 104, 25], zoom: 6.2 })).toBe(false);
  });

  it('flies when the frame is inside but half a zoom level or more closer', () => {
    expect(frameIsShown(view, { bbox: [101, 23, 102, 24], zoom: 6.7 })).toBe(false);
    expect(frameIsShown(view, { bbox: [101, 23, 102, 24], zoom: 8 })).toBe(false);
  });
});

describe('moveIsNegligible', () => {
  it('jumps for a move of a few pixels and a hundredth of a zoom level', () => {
    expect(moveIsNegligible({ x: 195, y: 300, zoom: 4.822 }, { x: 196, y: 302, zoom: 4.827 })).toBe(true);
  });

  it('flies when the centre moves further or the zoom changes more', () => {
    expect(moveIsNegligible({ x: 195, y: 300, zoom: 4.8 }, { x: 195, y: 310, zoom: 4.8 })).toBe(false);
    expect(moveIsNegligible({ x: 195, y: 300, zoom: 4.8 }, { x: 195, y: 300, zoom: 4.9 })).toBe(false);
  });
});
