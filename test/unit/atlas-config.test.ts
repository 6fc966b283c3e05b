/** The deployment setting (public/atlas.config.json): checked as data, its mistakes named by file and field. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atlasConfigPath, configCredits, parseAtlasConfig } from '../../src/lib/atlas-config';

const labels = { reviewLabel: (n: string) => `审图号：${n}`, tiandituReviewLabel: (n: string) => `天地图 审图号：${n}` };

describe('atlas.config.json', () => {
  it('ships valid', () => {
    const raw: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public', atlasConfigPath), 'utf8'));
    expect(() => parseAtlasConfig(raw)).not.toThrow();
  });

  it('names the file and the field of a mistake', () => {
    expect(() => parseAtlasConfig({ reviewNumber: 12 })).toThrow(/^atlas\.config\.json: reviewNumber: /);
    expect(() => parseAtlasConfig({ reviewNumber: '<b>GS</b>' })).toThrow(/reviewNumber: plain text only/);
    expect(() => parseAtlasConfig({ reviewNo: 'x' })).toThrow(/unknown field “reviewNo”/);
  });

  it('credits the review number, the base map, and 天地图’s own number only while its base is shown', () => {
    const config = parseAtlasConfig({ reviewNumber: '测试审图号 1', baseCredit: '底图：测试单位', tiandituReviewNumber: '测试审图号 2' });
    expect(configCredits(config, { tianditu: false, ...labels })).toEqual(['审图号：测试审图号 1', '底图：测试单位']);
    expect(configCredits(config, { tianditu: true, ...labels })).toContain('天地图 审图号：测试审图号 2');
    expect(configCredits(parseAtlasConfig({}), { tianditu: true, ...labels })).toEqual([]);
  });
});
