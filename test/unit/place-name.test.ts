// @vitest-environment node
/** Names written relative to the plan's place get that place on the map and the slides. */
import { describe, expect, it } from 'vitest';
import { nameInPlace, placeWithLevel } from '../../src/lib/place-name';

describe('a project name with its place', () => {
  it('puts the prefecture before a name that starts with 州, from the project’s own prefecture', () => {
    expect(nameInPlace('州人民医院', { county: '大理市', prefectures: ['大理白族自治州'] })).toBe('大理州人民医院');
    expect(nameInPlace('州傣医医院', { county: '景洪市', prefectures: ['西双版纳傣族自治州'] })).toBe('西双版纳州傣医医院');
    expect(nameInPlace('州人民医院西院区', { county: '芒市', prefectures: ['德宏傣族景颇族自治州'] })).toBe('德宏州人民医院西院区');
  });

  it('puts the city, the county or the province before 市, 县, 省; a level word used as an adjective stays', () => {
    expect(nameInPlace('市妇幼保健院', { county: '麒麟区', prefectures: ['曲靖市'] })).toBe('曲靖市妇幼保健院');
    expect(nameInPlace('县人民医院', { county: '双江拉祜族佤族布朗族傣族自治县', prefectures: ['临沧市'] })).toBe('双江县人民医院');
    expect(nameInPlace('省肿瘤医院', { county: '西山区', prefectures: ['昆明市'], region: '云南省' })).toBe('云南省肿瘤医院');
    expect(nameInPlace('市级区域医疗中心（罗平）', { county: '罗平县', prefectures: ['曲靖市'] })).toBe('市级区域医疗中心（罗平）');
    expect(nameInPlace('瑞丽市国门医院', { county: '瑞丽市', prefectures: ['德宏傣族景颇族自治州'] })).toBe('瑞丽市国门医院');
    expect(nameInPlace('省肿瘤医院', { county: '麒麟区', prefectures: ['曲靖市'], region: '曲靖市' })).toBe('省肿瘤医院');
  });

  it('shortens autonomous prefectures and counties to place and level', () => {
    expect(placeWithLevel('红河哈尼族彝族自治州')).toBe('红河州');
    expect(placeWithLevel('临沧市')).toBe('临沧市');
  });
});
