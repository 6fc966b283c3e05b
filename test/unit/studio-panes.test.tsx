/**
 * The plan studio's panes on a small fixture plan (a made-up county plan, not a real one): words come only from the
 * plan's text, each edit is a change in the list, undo takes it back, a point without its source cannot be applied.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ChangeList } from '../../src/features/studio/ChangeList';
import { LocationEditor } from '../../src/features/studio/LocationEditor';
import { SeedPane } from '../../src/features/studio/SeedPane';
import { useSeedPick } from '../../src/features/studio/seed-pick';
import { useSession } from '../../src/features/studio/session';
import { TextFields } from '../../src/features/studio/TextFields';
import { useAtlasStore } from '../../src/state/store';

const seed = `第三章 空间布局
着力构建“一核两区”的空间布局。
一、“一核”引领
建设健康城，打造康养基地。
推进中医药传承创新。
`;

const planYaml = `id: demo
# a fixture plan
title: 示范县健康服务业规划
level: county
region: { code: "530302", name: 示范县 }
period: 2021—2025
seed: demo.txt
summary: { section: 第三章 空间布局, quote: 着力构建“一核两区”的空间布局。 }
targets: []
indicators: []
elements:
  - id: core
    role: core
    name: 健康城
    group: 一核
    geometry: { type: areas, codes: ["530302"] }
    precision: county
    functions: [建设健康城]
    projects: []
    source: { section: 一、“一核”引领, quote: 建设健康城，打造康养基地。 }
projects:
  - id: clinic
    name: 中医馆
    category: tcm
    county: "530302"
    functions: []
    source: { section: 一、“一核”引领, quote: 推进中医药传承创新。 }
unplaced: []
`;

beforeEach(() => {
  useAtlasStore.setState({ lang: 'zh' });
  useSeedPick.setState({ pick: null });
  useSession.getState().open({ origin: 'atlas', folder: 'demo', planYaml, seedName: 'demo.txt', seed });
});

const functionsOf = () => {
  const plan = useSession.getState().plan;
  return plan?.planYaml.match(/functions: \[(.*)\]/)?.[1];
};

describe('the seed pane', () => {
  it('finds a passage of the text and makes it the pick, with the section from the headings above it', async () => {
    render(<SeedPane seed={seed} seedName="demo.txt" />);
    await userEvent.type(screen.getByRole('searchbox', { name: '在原文中查找' }), '打造康养基地');
    await userEvent.click(screen.getByRole('button', { name: '查找' }));
    expect(useSeedPick.getState().pick).toEqual({ quote: '打造康养基地', section: expect.stringContaining('一、“一核”引领') });
    expect(screen.getByRole('status')).toHaveTextContent('已选');
  });

  it('refuses words that are not in the text, and says why', async () => {
    render(<SeedPane seed={seed} seedName="demo.txt" />);
    await userEvent.type(screen.getByRole('searchbox', { name: '在原文中查找' }), '建设国际一流医学中心');
    await userEvent.click(screen.getByRole('button', { name: '查找' }));
    expect(useSeedPick.getState().pick).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('“建设国际一流医学中心”不在本规划原文中，不能使用');
  });
});

describe('the text fields', () => {
  it('replace a function only with the picked passage, listed as a change and taken back by undo', async () => {
    const { container } = render(
      <>
        <TextFields target="core" lists={[{ field: 'functions', items: ['建设健康城'] }]} />
        <ChangeList />
      </>,
    );
    const replace = screen.getByRole('button', { name: '用所选原文替换第 1 条功能' });
    expect(replace).toBeDisabled();
    act(() => useSeedPick.getState().setPick({ quote: '打造康养基地', section: '一、“一核”引领' }));
    await userEvent.click(replace);
    expect(functionsOf()).toBe('打造康养基地');
    expect(useSession.getState().done).toHaveLength(1);
    const summary = container.querySelector('.studio-changes summary');
    expect(summary).toHaveTextContent('健康城');
    expect(summary).not.toHaveTextContent('没有修改');
    act(() => useSession.getState().undo());
    expect(functionsOf()).toBe('建设健康城');
    expect(useSession.getState().plan?.planYaml).toBe(planYaml);
    expect(container.querySelector('.studio-changes summary')).toHaveTextContent('没有修改');
  });
});

describe('the location editor', () => {
  it('asks for a source before an exact point can be applied', async () => {
    render(<LocationEditor target="clinic" county="530302" current={{ lon: 103.79, lat: 25.5, precision: 'county' }} canUnplace />);
    await userEvent.selectOptions(screen.getByLabelText('位置精度'), 'exact');
    const check = screen.getAllByRole('status').find((s) => s.textContent?.includes('source'));
    expect(check).toHaveTextContent('needs its source');
    expect(screen.getByRole('button', { name: '应用位置' })).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/坐标来源/), '示范县卫健局函');
    expect(screen.queryByText(/needs its source/)).toBeNull();
  });

  it('nudges the point with the arrow keys (Shift for a larger step) and says where it is', async () => {
    render(<LocationEditor target="clinic" county="530302" current={{ lon: 103.79, lat: 25.5, precision: 'county' }} canUnplace />);
    screen.getByRole('button', { name: '用方向键微移点位' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(useAtlasStore.getState().studioPoint).toEqual([103.791, 25.5]);
    await userEvent.keyboard('{Shift>}{ArrowUp}{/Shift}');
    expect(useAtlasStore.getState().studioPoint).toEqual([103.791, 25.51]);
    expect(screen.getByLabelText('纬度')).toHaveValue(25.51);
    expect(screen.getByText('点位已移至 东经 103.7910，北纬 25.5100')).toBeInTheDocument();
  });
});
