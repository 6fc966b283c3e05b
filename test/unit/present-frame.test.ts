import { describe, expect, it } from 'vitest';
import { framePadding } from '../../src/features/map/camera';
import { focusNameWidth } from '../../src/features/map/layer-kit';
import { labelScaleFor } from '../../src/features/map/style-sync';

describe('the frame of a presented step', () => {
  it('keeps a step’s key projects above the slide legend, whose names run right of their points', () => {
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      const chapter = framePadding(w, h, { presenting: true });
      const step = framePadding(w, h, { presenting: true, stepNames: true });
      // The slide legend (theme.css) stands 40 px up and is three rows of 1.7vh type (≥ 14 px) with its padding.
      const legendTop = 40 + 3 * 1.35 * Math.max(14, h * 0.017) + 2 * 0.25 * 14 + 2 * 0.6 * 14;
      expect(step.bottom).toBeGreaterThan(legendTop + 12);
      expect(chapter.bottom).toBeLessThan(step.bottom);
      expect({ ...step, bottom: 0, left: 0 }).toEqual({ ...chapter, bottom: 0, left: 0 });
    }
  });

  it('keeps a step’s key projects half a name clear of the card, so a name centred below its point is not under it', () => {
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      const step = framePadding(w, h, { presenting: true, stepNames: true });
      // theme.css `.present-card`: 24 px from the left, min(34vw, 660px) wide.
      const cardRight = 24 + Math.min(w * 0.34, 660);
      expect(step.left - cardRight).toBeGreaterThanOrEqual(focusNameWidth(labelScaleFor({ presenting: true })) / 2);
      // Still most of the map's width between the card and the right margin.
      expect(w - step.left - step.right).toBeGreaterThan(w / 4);
    }
  });
});
