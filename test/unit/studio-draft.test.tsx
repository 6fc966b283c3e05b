/** Unsaved studio work kept in the browser's storage is offered back after a reload, and can be let go. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { keepDraft, readDraft } from '../../src/features/studio/autosave';
import { DraftOffer } from '../../src/features/studio/DraftOffer';
import { useAtlasStore } from '../../src/state/store';

const opened = { origin: 'atlas' as const, folder: 'demo', planYaml: 'id: demo\nseed: demo.txt\n', seedName: 'demo.txt', seed: '第一章' };
const change = { op: 'set-text' as const, target: 'core', field: 'functions[0]', old: '甲', new: '乙' };

beforeEach(() => {
  localStorage.clear();
  useAtlasStore.setState({ lang: 'zh', studio: false, studioRestore: false });
});

describe('the draft offer', () => {
  it('offers unsaved work back and opens the studio to restore it', async () => {
    keepDraft({ opened, changes: [change], at: Date.parse('2026-12-01T10:00:00Z') });
    render(<DraftOffer />);
    expect(screen.getByRole('region', { name: '未保存的编辑' })).toHaveTextContent('规划工作室中有未保存的编辑（demo');
    await userEvent.click(screen.getByRole('button', { name: '恢复编辑' }));
    expect(useAtlasStore.getState()).toMatchObject({ studio: true, studioRestore: true });
    expect(readDraft()?.changes).toEqual([change]);
  });

  it('lets the work go when discarded', async () => {
    keepDraft({ opened, changes: [change], at: Date.now() });
    render(<DraftOffer />);
    await userEvent.click(screen.getByRole('button', { name: '放弃' }));
    expect(screen.queryByRole('region', { name: '未保存的编辑' })).toBeNull();
    expect(readDraft()).toBeUndefined();
  });

  it('says nothing when there is no unsaved work', () => {
    render(<DraftOffer />);
    expect(screen.queryByRole('region', { name: '未保存的编辑' })).toBeNull();
  });
});
