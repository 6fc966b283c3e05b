import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * The first of `texts` that fits the element's content box in the element's own font (the last when none does),
 * measured again when the box is resized or the page's fonts arrive: a search hint chosen for the room a phone's top
 * bar leaves it beside a long plan name. Before it is measured (or where nothing is laid out) the first.
 */
export function useFittingText(ref: RefObject<HTMLElement | null>, texts: readonly string[]): string {
  const [fitting, setFitting] = useState(texts[0] ?? '');
  const key = texts.join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the texts (a new array each render).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let context: CanvasRenderingContext2D | null | undefined;
    let live = true;
    const measure = () => {
      if (!live) return;
      // Nothing laid out (a hidden box, or a test's document without layout): keep the first.
      if (el.clientWidth === 0) return setFitting(texts[0] ?? '');
      context ??= document.createElement('canvas').getContext('2d');
      if (!context) return;
      const css = getComputedStyle(el);
      context.font = `${css.fontStyle} ${css.fontWeight} ${css.fontSize} ${css.fontFamily}`;
      const room = el.clientWidth - Number.parseFloat(css.paddingLeft) - Number.parseFloat(css.paddingRight);
      setFitting(texts.find((text) => context!.measureText(text).width <= room) ?? texts.at(-1) ?? '');
    };
    measure();
    document.fonts?.ready.then(measure);
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(el);
    return () => {
      live = false;
      observer?.disconnect();
    };
  }, [ref, key]);
  return fitting;
}
