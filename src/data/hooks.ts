/** React's view of the data layer: each hook starts the load it needs and re-renders when it lands. */
import { useEffect, useSyncExternalStore } from 'react';
import type { PlanId } from '../lib/vocabulary';
import { catalogueResource, type Catalogue } from './catalogue';
import { configResource } from './config';
import type { AtlasConfig } from '../lib/atlas-config';
import { getNotices, subscribeNotices, type Notice } from './notices';
import { planResource, type PlanBundle } from './plans';
import type { Loadable, Resource } from './resource';
import { getProjectParts, type ProjectNeed, type ProjectParts, requestProjects, subscribeProjectParts } from './project-parts';

const loading: Loadable<never> = { status: 'loading' };
const idle: Loadable<never> = { status: 'loading' };

function useResource<K, T>(resource: Resource<K, T>, key: K | undefined, enabled = true): Loadable<T> {
  useEffect(() => {
    if (enabled && key !== undefined && key !== '') resource.load(key).catch(() => undefined);
  }, [resource, key, enabled]);
  const state = useSyncExternalStore(resource.subscribe, () => (key === undefined ? undefined : resource.peek(key)));
  return state ?? (enabled ? loading : idle);
}

export const useCatalogue = (): Loadable<Catalogue> => useResource(catalogueResource, 'catalogue' as const);

/** The catalogue if it is in, without asking for it (a notice about a failure must not start a load). */
export function useLoadedCatalogue(): Catalogue | undefined {
  const state = useSyncExternalStore(catalogueResource.subscribe, () => catalogueResource.peek('catalogue'));
  return state?.status === 'ready' ? state.data : undefined;
}

/** A plan's bundle; pass an empty id while no plan is chosen. */
export const usePlan = (planId: PlanId | undefined): Loadable<PlanBundle> => useResource(planResource, planId || undefined);

/**
 * The project list's rows by parts: asks for exactly the parts `need` shows (src/data/project-parts.ts) and
 * re-renders as they arrive.
 */
export function useProjectParts(need: ProjectNeed): ProjectParts {
  const { filters, shortlist, mode } = need;
  useEffect(() => requestProjects({ filters, shortlist, mode }), [filters, shortlist, mode]);
  return useSyncExternalStore(subscribeProjectParts, getProjectParts);
}

export const useNotices = (): readonly Notice[] => useSyncExternalStore(subscribeNotices, getNotices);

/** A plan's catalogue entry (names, level, formula, bbox), once the catalogue is in. */
export function usePlanEntry(planId: PlanId): import('../lib/atlas-data').CatalogueEntry | undefined {
  const catalogue = useCatalogue();
  return catalogue.status === 'ready' ? catalogue.data.byId.get(planId) : undefined;
}

/** The deployment setting (review number, base credit), once it is in. */
export function useAtlasConfig(): AtlasConfig | undefined {
  const state = useResource(configResource, 'config' as const);
  return state.status === 'ready' ? state.data : undefined;
}
