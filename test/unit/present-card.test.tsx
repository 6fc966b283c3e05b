/** The presentation's card and the presenter's notes, as the user reads and types them. */
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResolvedChapter } from '../../src/data/chapters';
import { CardText, PresenterNotes } from '../../src/features/present/PresentationMode';
import { languages } from '../../src/i18n/languages';

const keyProjects: ResolvedChapter = {
  kind: 'projects',
  title: '',
  kicker: '',
  features: [],
  counts: { key: 30, all: 65 },
  steps: [{ names: ['测试县人民医院新院区'] }],
};

describe('the key-projects card', () => {
  it('says what “30 / 65” counts: the plan’s projects, and how many of them are key', () => {
    render(<CardText chapter={keyProjects} step={keyProjects.steps[0]!} t={languages.zh} />);
    expect(screen.getByText('本规划共 65 个项目，其中重点 30 个')).toBeInTheDocument();
  });

  it('says it in English too', () => {
    render(<CardText chapter={keyProjects} step={keyProjects.steps[0]!} t={languages.en} />);
    expect(screen.getByText(/30 key projects of the plan’s 65/)).toBeInTheDocument();
  });
});

describe('the presenter’s notes', () => {
  it('are kept per plan: each plan shows its own notes again', () => {
    window.localStorage.clear();
    const label = languages.zh.presenterNotes;
    const { rerender } = render(<PresenterNotes planId="plan-a" label={label} />);
    fireEvent.change(screen.getByLabelText(label), { target: { value: '先讲一核' } });
    rerender(<PresenterNotes planId="plan-b" label={label} />);
    expect(screen.getByLabelText(label)).toHaveValue('');
    fireEvent.change(screen.getByLabelText(label), { target: { value: '再讲两区' } });
    rerender(<PresenterNotes planId="plan-a" label={label} />);
    expect(screen.getByLabelText(label)).toHaveValue('先讲一核');
    rerender(<PresenterNotes planId="plan-b" label={label} />);
    expect(screen.getByLabelText(label)).toHaveValue('再讲两区');
  });
});
