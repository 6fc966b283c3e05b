import { type Lang, languages } from './languages';

/** An investment in the reader's language, as each language file writes it (zh: 亿元 and 万元; en: CNY million). */
export function formatInvestment({ amount, unit }: { amount: number; unit: string }, lang: Lang): string {
  return languages[lang].investmentAmount(amount, unit);
}
