import { useCallback, useRef, useState } from 'react';
import { categoryNames, roleNames } from '../../lib/i18n';
import { categoryStyle, elementColors } from '../../lib/presentation';
import { useAtlasStore } from '../../state/store';
import { downloadBlob, today } from '../../ui/download';
import { useDismiss } from '../../ui/use-dismiss';
import { useStrings } from '../../ui/use-strings';
import { legendContent } from '../legend/legend-content';
import { captureMap } from '../map/map-capture';
import { usePlanLayer } from '../plans/plan-data';
import { usePlanMeta } from '../plans/use-plan-meta';
import { composeExport, type LegendEntry } from './compose-export';
import { printMap } from './print-map';

/** PNG for slides and reports (≥ 1600 px wide, with title, legend, scale, north arrow, attribution) and print. */
export function ExportMenu() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const planId = useAtlasStore((s) => s.planId);
  const meta = usePlanMeta(planId);
  const layer = usePlanLayer(planId);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useDismiss(root, open, useCallback(() => setOpen(false), []));

  const exportPng = async () => {
    if (!meta || layer.status !== 'ready') return;
    setBusy(true);
    try {
      const features = layer.data.features;
      const colors = elementColors(features, meta.color);
      const content = legendContent(features);
      const legend: LegendEntry[] = features
        .filter((f) => f.properties.role !== 'project' && f.properties.part !== 'linked')
        .map((f) => ({
          label: `${f.properties.group ? `${f.properties.group} · ` : ''}${lang === 'en' && f.properties.nameEn ? f.properties.nameEn : f.properties.name}`,
          kind: f.properties.role === 'belt' && f.geometry.type.includes('Line') ? 'line' : f.properties.role === 'node' || f.geometry.type === 'Point' ? 'ring' : 'fill',
          color: colors.get(f.properties.id) ?? meta.color,
        }));
      for (const c of content.categories) legend.push({ label: `${roleNames[lang].project} · ${categoryNames[lang][c.category]}（${c.count}）`, kind: 'dot', color: categoryStyle[c.category].color });
      if (content.schematic) legend.push({ label: t.schematic, kind: 'hatch', color: '#5a534a' });
      const capture = await captureMap(1600);
      const canvas = composeExport(capture, {
        title: meta.title,
        subtitle: [meta.formula, meta.docNumber, meta.date].filter(Boolean).join(' · '),
        legendTitle: t.legend,
        legend: legend.slice(0, 22),
        footer: `${t.appTitle} · ${today()} · ${t.exportNote}`,
      });
      const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
      if (blob) downloadBlob(blob, `${planId}-layout-${today()}.png`);
    } catch (e) {
      console.error('export:', e);
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <div className="menu hide-phone" ref={root}>
      <button type="button" className="btn btn--quiet" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)} aria-busy={busy}>
        {busy ? t.exporting : t.export} <span aria-hidden="true" className="chevron">▾</span>
      </button>
      {open && (
        <ul className="menu-list" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <li><button type="button" onClick={() => void exportPng()} disabled={busy || !meta}>{t.exportPng}</button></li>
          <li><button type="button" onClick={() => { setOpen(false); void printMap('A4'); }}>{t.printA4}</button></li>
          <li><button type="button" onClick={() => { setOpen(false); void printMap('A3'); }}>{t.printA3}</button></li>
        </ul>
      )}
    </div>
  );
}
