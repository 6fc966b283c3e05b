import { useCallback, useRef, useState } from 'react';
import { usePlan } from '../../data/hooks';
import { report } from '../../data/notices';
import { localName } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import { captureMap } from '../../lib/map-capture';
import { categoryColors } from '../../lib/presentation';
import { swatchFor } from '../../lib/role-look';
import { isAreaPrecision } from '../../lib/vocabulary';
import { useAtlasStore } from '../../state/store';
import { colors } from '../../ui/tokens';
import { downloadBlob, today } from '../../ui/download';
import { useDismiss } from '../../ui/use-dismiss';
import { composeExport, type LegendEntry } from './compose-export';
import { paperSizes, printMap } from './print-map';

/** PNG for slides and reports (≥ 1600 px wide, with title, legend, scale, north arrow, attribution) and print. */
export function ExportMenu() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const planId = useAtlasStore((s) => s.planId);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const bundle = usePlan(planId);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useDismiss(
    root,
    open,
    useCallback(() => setOpen(false), []),
  );

  const exportPng = async () => {
    if (bundle.status !== 'ready') return;
    const { meta, features, legend: content, colors: elementColors } = bundle.data;
    setBusy(true);
    try {
      const legend: LegendEntry[] = features
        .filter((f) => f.properties.role !== 'project' && f.properties.part !== 'linked')
        .map((f) => ({
          label: `${f.properties.group ? `${f.properties.group} · ` : ''}${localName(f.properties, lang)}`,
          kind: swatchFor(f.properties.role, f.geometry.type),
          color: elementColors.get(f.properties.id) ?? meta.color,
        }));
      for (const c of content.categories)
        legend.push({ label: `${t.roleNames.project} · ${t.categoryNames[c.category]}（${c.count}）`, kind: 'dot', color: categoryColors[c.category] });
      if (content.schematic) legend.push({ label: t.schematic, kind: 'hatch', color: colors.ink2 });
      // A selected project that stands for its county: the image says so, as the map outlines the county.
      const selected = selectedId ? bundle.data.byId.get(selectedId) : undefined;
      const approx = selected?.properties.role === 'project' && isAreaPrecision(selected.properties.precision) ? selected.properties : undefined;
      if (approx)
        legend.unshift({
          label: `${localName(approx, lang)} · ${t.precisionNames[approx.precision]}（${approx.county}）`,
          kind: 'linked',
          color: colors.selection,
        });
      const capture = await captureMap(1600);
      const canvas = composeExport(capture, {
        title: meta.title,
        subtitle: [meta.formula, meta.docNumber, meta.date, approx && `${localName(approx, lang)} · ${t.precisionNames[approx.precision]}`]
          .filter(Boolean)
          .join(' · '),
        legendTitle: t.legend,
        legend: legend.slice(0, 22),
        footer: `${t.appTitle} · ${today()} · ${t.exportNote}`,
      });
      const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
      if (blob) downloadBlob(blob, `${planId}-layout-${today()}.png`);
    } catch (e) {
      report({ type: 'export-failed', reason: e instanceof Error ? e.message : String(e) }, { retry: () => void exportPng() });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <div className="menu hide-phone" ref={root}>
      <button type="button" className="btn btn--quiet" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)} aria-busy={busy}>
        {busy ? t.exporting : t.export}{' '}
        <span aria-hidden="true" className="chevron">
          ▾
        </span>
      </button>
      {open && (
        <ul className="menu-list" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <li>
            <button type="button" onClick={() => void exportPng()} disabled={busy || bundle.status !== 'ready'}>
              {t.exportPng}
            </button>
          </li>
          {paperSizes.map((size) => (
            <li key={size}>
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  void printMap(size);
                }}
              >
                {size === 'A4' ? t.printA4 : t.printA3}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
