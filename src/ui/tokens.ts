/**
 * Colours and fonts, defined once for CSS and TypeScript: `installTokens` writes them as CSS custom
 * properties (`--ink`, `--font` …) that the stylesheets use; the map style and exports import them directly.
 */
export const colors = {
  ink: '#231f1b',
  ink2: '#5a534a',
  /** Quiet text: 4.9:1 on paper, enough for small type. */
  muted: '#6b655c',
  paper: '#fbfaf6',
  paper2: '#f3f0e8',
  line: '#ddd6ca',
  accent: '#b23a48',
  focus: '#1f6feb',
  link: '#1c5d99',
  /** The selected project's ring, and the county an approximate project stands for. */
  selection: '#c2410c',
} as const;

export const fonts = {
  sans: '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", system-ui, sans-serif',
  serif: '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif',
} as const;

const kebab = (s: string) => s.replace(/[A-Z0-9]/g, (c) => `-${c.toLowerCase()}`);

/** The tokens as CSS declarations: `--ink: #231f1b; … --font: …`. */
export function tokenCss(): string {
  const decls = [...Object.entries(colors).map(([k, v]) => `--${kebab(k)}: ${v};`), `--font: ${fonts.sans};`, `--font-serif: ${fonts.serif};`];
  return `:root { ${decls.join(' ')} }`;
}

/** Puts the tokens on the page once, before the stylesheets are used. */
export function installTokens(doc: Document = document): void {
  if (doc.getElementById('atlas-tokens')) return;
  const style = doc.createElement('style');
  style.id = 'atlas-tokens';
  style.textContent = tokenCss();
  doc.head.prepend(style);
}
