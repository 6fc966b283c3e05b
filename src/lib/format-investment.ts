import type { Lang } from '../i18n/languages';

/** 20000 万元 → "2.00 亿元（20000 万元）" / "CNY 200 million". */
export function formatInvestment({ amount, unit }: { amount: number; unit: string }, lang: Lang): string {
  const yuan = amount * (unit === '亿元' ? 1e8 : 1e4);
  if (lang !== 'zh') return `CNY ${(yuan / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} million`;
  return unit === '万元' && amount >= 10000
    ? `${(amount / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 亿元（${amount.toLocaleString('zh-CN')} 万元）`
    : `${amount.toLocaleString('zh-CN')} ${unit}`;
}
