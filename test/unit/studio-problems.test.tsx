/**
 * The studio's problems pane words each validator problem in the interface language, on a broken fixture plan
 * compiled by the build's compiler: file, feature and field stay as written, the validator's English line is kept.
 */
import { resolve } from 'node:path';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { compilePlans } from '../../src/compiler/compile';
import { Problems } from '../../src/features/studio/Problems';
import { useAtlasStore } from '../../src/state/store';
import { readBaseGeo } from '../../scripts/lib/base-geo';
import { fixturePlan, fixtureSeed, fixtureSeedName } from '../fixtures/compiler-plans';

const base = readBaseGeo(resolve(import.meta.dirname, '../../public/geo/base'));
const readSeed = (name: string) => (name === fixtureSeedName ? fixtureSeed : undefined);

describe('the studio problems pane', () => {
  beforeEach(() => useAtlasStore.setState({ lang: 'zh' }));

  it('shows a quote missing from the seed in Chinese, naming file, feature and field, the validator line as its title', () => {
    const { problems, found } = compilePlans([fixturePlan('alpha', { quote: '构建“三核九区”的空间布局。' })], readSeed, base);
    render(<Problems problems={found} compiling={false} />);
    const item = screen.getByText('data/alpha/plan.yaml: plan: summary.quote: 在原文 fixture.txt 中找不到这段文字：“构建“三核九区”的空间布局。”');
    expect(item).toHaveAttribute('title', problems[0]);
    expect(problems[0]).toMatch(/not found verbatim in seed/);
  });

  it('shows a schema problem (a value not in the list) in Chinese', () => {
    const { found } = compilePlans([fixturePlan('alpha', { precision: 'roughly' })], readSeed, base);
    render(<Problems problems={found} compiling={false} />);
    expect(
      screen.getByText('data/alpha/places.yaml: places[0] hospital-site “新院区”: precision: 取值不对：应为 exact | township | county | schematic 之一'),
    ).toBeInTheDocument();
  });

  it('shows the schema’s own hint (a code outside Yunnan) in Chinese', () => {
    const plan = fixturePlan('alpha');
    const { found } = compilePlans([{ ...plan, planYaml: plan.planYaml.replace('530902', '999999') }], readSeed, base);
    render(<Problems problems={found} compiling={false} />);
    expect(screen.getByText(/^data\/alpha\/plan\.yaml: plan: region\.code: 不是云南的县区或州市/)).toBeInTheDocument();
  });

  it('shows the validator line itself in the English interface', () => {
    useAtlasStore.setState({ lang: 'en' });
    const { problems, found } = compilePlans([fixturePlan('alpha', { lon: 102.7, lat: 25.04 })], readSeed, base);
    render(<Problems problems={found} compiling={false} />);
    expect(screen.getByText(problems[0]!)).not.toHaveAttribute('title');
  });
});
