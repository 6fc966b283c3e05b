import { useMemo } from 'react';
import { useAtlasStore } from '../../state/store';
import { useStrings } from '../../ui/use-strings';
import { usePlanLayer } from '../plans/plan-data';
import { usePlanMeta } from '../plans/use-plan-meta';
import { deriveChapters, type ResolvedChapter } from './chapters';

/** The current plan's chapters, once its metadata and layer are loaded. */
export function useChapters(): ResolvedChapter[] {
  const t = useStrings();
  const planId = useAtlasStore((s) => s.planId);
  const meta = usePlanMeta(planId);
  const layer = usePlanLayer(planId);
  return useMemo(
    () => (meta && layer.status === 'ready' ? deriveChapters(meta, layer.data.features, { overview: t.overview, projects: t.keyProjects, indicators: t.indicators, nodes: t.nodes }) : []),
    [meta, layer, t],
  );
}
