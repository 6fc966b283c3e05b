/**
 * A new plan: its text (pasted, or a UTF-8 .txt file) becomes its seed; the planner chooses its level, region and
 * parent, and confirms the layout sentence the studio proposes (the quoted formula of its 空间布局 / 发展布局
 * section). Elements and projects are then added as in any plan, with words chosen from that text.
 */
import { useId, useMemo, useState } from 'react';
import { newPlan } from '../../compiler/edit/plan-doc';
import { findLayoutSentence } from '../../compiler/edit/seed';
import { useCatalogue } from '../../data/hooks';
import { levels, slugPattern, type Level } from '../../lib/vocabulary';
import { regionOptions } from './ExtentEditor';
import { RegionSelect } from './RegionSelect';
import type { Opened } from './session';
import { useStudioStrings } from './strings';
import { useCompilerBase } from './use-base';

const slugOk = (id: string) => slugPattern.test(id);

/** The first line of the text that reads like a title (规划 / 方案 …), else its first line. */
function titleOf(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 12);
  return (lines.find((l) => /规划|方案|纲要/.test(l) && l.length <= 60) ?? lines[0] ?? '').slice(0, 80);
}

export function NewPlanForm({ onCreate, onCancel }: { onCreate: (opened: Opened) => void; onCancel: () => void }) {
  const t = useStudioStrings();
  const base = useCompilerBase();
  const catalogue = useCatalogue();
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState('');
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const [level, setLevel] = useState<Level>('county');
  const [region, setRegion] = useState('');
  const [parent, setParent] = useState('');
  const [period, setPeriod] = useState('2021—2025');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState('');
  const uid = useId();
  const layout = useMemo(() => (text ? findLayoutSentence(text) : undefined), [text]);
  const regions = regionOptions(base).filter((r) => (level === 'province' ? false : level === 'city' ? r.code.endsWith('00') : !r.code.endsWith('00')));
  const regionChoices = level === 'province' ? [{ code: '530000', name: '云南省' }] : regions;

  const readFile = async (file: File) => {
    try {
      const decoded = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
      setFileError('');
      setText(decoded);
      if (!title) setTitle(titleOf(decoded));
    } catch {
      setFileError(t.notUtf8(file.name));
    }
  };

  const create = () => {
    const r = regionChoices.find((x) => x.code === region);
    if (!r) return setError(t.chooseRegion);
    try {
      const seedName = `${id}.txt`;
      const plan = newPlan({
        id,
        title: title.trim(),
        level,
        region: { code: r.code, name: r.name },
        ...(parent ? { parent: { plan: parent } } : {}),
        seedName,
        seed: text,
        period: period.trim(),
        ...(confirmed && layout ? { formula: layout.formula, formulaSource: { section: layout.section, quote: layout.sentence } } : {}),
      });
      onCreate({
        origin: 'new',
        folder: plan.folder,
        planYaml: plan.planYaml,
        ...(plan.placesYaml !== undefined ? { placesYaml: plan.placesYaml } : {}),
        seedName,
        seed: text,
        includeSeed: true,
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <form
      className="studio-new"
      aria-labelledby={`${uid}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        create();
      }}
    >
      <h3 className="studio-h" id={`${uid}-title`}>
        {t.newPlan}
      </h3>
      <label htmlFor={`${uid}-text`}>{t.planText}</label>
      <textarea
        id={`${uid}-text`}
        rows={5}
        value={text}
        lang="zh-CN"
        onChange={(e) => {
          setText(e.target.value);
          if (!title) setTitle(titleOf(e.target.value));
        }}
      />
      <label htmlFor={`${uid}-file`}>{t.planTextFile}</label>
      <input id={`${uid}-file`} type="file" accept=".txt,text/plain" onChange={(e) => e.target.files?.[0] && void readFile(e.target.files[0])} />
      {fileError && (
        <p className="studio-refusal" role="alert">
          {fileError}
        </p>
      )}
      <div className="studio-grid">
        <label htmlFor={`${uid}-id`}>{t.planId}</label>
        <input id={`${uid}-id`} type="text" value={id} onChange={(e) => setId(e.target.value.trim())} aria-invalid={!!id && !slugOk(id)} />
        <label htmlFor={`${uid}-name`}>{t.planTitle}</label>
        <input id={`${uid}-name`} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor={`${uid}-level`}>{t.level}</label>
        <select
          id={`${uid}-level`}
          value={level}
          onChange={(e) => {
            setLevel(e.target.value as Level);
            setRegion('');
          }}
        >
          {levels.map((l) => (
            <option key={l} value={l}>
              {t.levelNames[l]}
            </option>
          ))}
        </select>
        <label htmlFor={`${uid}-region`}>{t.region}</label>
        <RegionSelect id={`${uid}-region`} value={region} onChange={setRegion} options={regionChoices} withCode />
        <label htmlFor={`${uid}-parent`}>{t.parent}</label>
        <select id={`${uid}-parent`} value={parent} onChange={(e) => setParent(e.target.value)}>
          <option value="">{t.noParent}</option>
          {catalogue.status === 'ready' &&
            catalogue.data.tree.map((n) => (
              <option key={n.plan.id} value={n.plan.id}>
                {`${'\u3000'.repeat(n.depth)}${n.plan.regionShort} · ${n.plan.title}`}
              </option>
            ))}
        </select>
        <label htmlFor={`${uid}-period`}>{t.period}</label>
        <input id={`${uid}-period`} type="text" value={period} onChange={(e) => setPeriod(e.target.value)} />
      </div>
      {id && !slugOk(id) && <p className="studio-refusal">{t.idRule}</p>}
      {text &&
        (layout ? (
          <div className="studio-field">
            <h4 className="studio-label">{t.layoutProposed}</h4>
            <p>
              <strong lang="zh-CN">{layout.formula}</strong>
            </p>
            <blockquote className="studio-quote" lang="zh-CN">
              {layout.sentence}
              <footer className="studio-muted">{layout.section}</footer>
            </blockquote>
            <label>
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t.layoutConfirm}
            </label>
          </div>
        ) : (
          <p className="studio-muted">{t.layoutNone}</p>
        ))}
      {error && (
        <p className="studio-refusal" role="alert">
          {error}
        </p>
      )}
      <div className="studio-actions">
        <button type="submit" className="btn btn--primary" disabled={!text.trim() || !slugOk(id) || !title.trim() || !region}>
          {t.createPlan}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
