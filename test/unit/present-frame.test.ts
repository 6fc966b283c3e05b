import { describe, expect, it } from 'vitest';
import { framePadding, mercatorAspect, slideLegendRoom } from '../../src/features/map/camera';
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
      expect(chapter.bottom).toBeLessThanOrEqual(step.bottom);
    }
  });

  it('keeps a slide’s frame clear of the legend as drawn: a tall one beside it, a short one above it', () => {
    // The legend's room measured on screen (from the map's right and bottom edges): the province's overview, 17 rows.
    for (const [w, h, legend] of [
      [1280, 720, { width: 270, height: 470 }],
      [1366, 768, { width: 275, height: 490 }],
      [1920, 1080, { width: 330, height: 620 }],
    ] as const) {
      const frame = framePadding(w, h, { presenting: true, legend });
      const frameRight = w - frame.right;
      const frameBottom = h - frame.bottom;
      // The framed box and the legend's box do not meet.
      expect(frameRight <= w - legend.width || frameBottom <= h - legend.height).toBe(true);
      expect(frame.right).toBeGreaterThanOrEqual(legend.width + 12);
      // A map is left to frame: at least a third of the width and half the height.
      expect(frameRight - frame.left).toBeGreaterThan(w / 3);
      expect(frameBottom - frame.top).toBeGreaterThan(h / 2);
    }
    // A step's legend of two rows is cleared above, so its names (run right of their points) keep the map's width.
    const step = framePadding(1280, 720, { presenting: true, stepNames: true, legend: { width: 200, height: 110 } });
    expect(step.bottom).toBeGreaterThanOrEqual(110 + 12);
    expect(step.right).toBeLessThan(200 + focusNameWidth(labelScaleFor({ presenting: true })));
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

describe('the side of the legend a slide is framed on', () => {
  it('shows the extent larger: a tall one beside a short legend, a wide one above it', () => {
    const legend = { width: 244, height: 193 };
    const tall = framePadding(1280, 720, { presenting: true, legend, aspect: mercatorAspect([98, 23, 101, 29]) });
    expect(tall.bottom).toBe(60);
    expect(tall.right).toBeGreaterThanOrEqual(legend.width + 12);
    const wide = framePadding(1280, 720, { presenting: true, legend, aspect: mercatorAspect([97, 24, 106, 26]) });
    expect(wide.bottom).toBeGreaterThanOrEqual(legend.height + 12);
    expect(wide.right).toBeLessThan(legend.width);
  });
});

describe('the slide legend’s room, measured on screen', () => {
  /** A box as the layout engine would give it (jsdom lays nothing out). */
  const boxed = (el: HTMLElement, left: number, top: number, width: number, height: number) => {
    el.getBoundingClientRect = () => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) });
    return el;
  };

  it('is what the legend takes from the map’s right and bottom edges, and nothing when it stands in the left column or is not drawn', () => {
    const map = boxed(document.createElement('div'), 0, 0, 1280, 720);
    document.body.append(map);
    expect(slideLegendRoom(map)).toBeNull();
    const legend = boxed(document.createElement('section'), 1022, 205, 242, 475);
    legend.setAttribute('data-slide-legend', '');
    document.body.append(legend);
    expect(slideLegendRoom(map)).toEqual({ width: 258, height: 515 });
    // The indicators' slide: the legend is under the wide card, on the left; the card's own rule frames the map.
    boxed(legend, 24, 415, 560, 250);
    expect(slideLegendRoom(map)).toBeNull();
    map.remove();
    legend.remove();
  });
});
