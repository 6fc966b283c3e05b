import { describe, expect, it } from 'vitest';
import { searchAtlas } from '../../src/features/search/search-index';
import type { SearchEntry } from '../../src/lib/atlas-data';

const entry = (id: string, plan: SearchEntry['plan'], name: string, initials: string, pinyin: string, over: Partial<SearchEntry> = {}): SearchEntry => ({
  id,
  plan,
  role: 'project',
  name,
  county: '',
  initials,
  pinyin,
  ...over,
});

const entries = [
  entry('shuangjiang-zone-mengku', 'shuangjiang', '勐库康养示范区', 'mkkysfq', 'mengkukangyangshifanqu', { role: 'zone', county: '双江县' }),
  entry('lincang-a', 'lincang', '临沧市人民医院', 'lcsrmyy', 'lincangshirenminyiyuan', { nameEn: 'Lincang People’s Hospital' }),
  entry('qujing-b', 'qujing', '曲靖市第一人民医院', 'qjsdyrmyy', 'qujingshidiyirenminyiyuan'),
  entry('yunnan-c', 'yunnan', '云南省第一人民医院', 'ynsdyrmyy', 'yunnanshengdiyirenminyiyuan'),
];
/** The plan order these made-up entries are grouped in (a fixture, not the catalogue). */
const order = ['yunnan', 'qujing', 'lincang', 'shuangjiang', 'menghai'] as const;

describe('search', () => {
  it('finds Chinese names anywhere in the name, grouped by plan in plan order', () => {
    const groups = searchAtlas(entries, '人民医院', [...order]);
    expect(groups.map((g) => g.plan)).toEqual(['yunnan', 'qujing', 'lincang']);
  });
  it('finds pinyin initials and full pinyin', () => {
    expect(searchAtlas(entries, 'mkky', [...order])[0]?.entries[0]?.id).toBe('shuangjiang-zone-mengku');
    expect(searchAtlas(entries, 'mengku', [...order])[0]?.entries[0]?.id).toBe('shuangjiang-zone-mengku');
  });
  it('finds English names', () => {
    expect(searchAtlas(entries, 'people', [...order]).flatMap((g) => g.entries.map((e) => e.id))).toEqual(['lincang-a']);
  });
  it('returns nothing for an empty query or no match', () => {
    expect(searchAtlas(entries, '  ', [...order])).toEqual([]);
    expect(searchAtlas(entries, '火星基地', [...order])).toEqual([]);
  });
});
