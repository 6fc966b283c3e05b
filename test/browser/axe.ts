/** axe-core inside the page (or a frame): the violations it finds, one line each. */
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';

const axePath = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

export async function axeViolations(target: Page | Frame): Promise<string[]> {
  await target.addScriptTag({ path: axePath });
  return target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx?: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
