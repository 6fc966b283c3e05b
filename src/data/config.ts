/**
 * The deployment setting (public/atlas.config.json: review number, base-map credit), loaded once at start.
 * A page without the file shows no review number; a file with a mistake is a notice naming the file and the
 * field, and the page goes on without it.
 */
import { type AtlasConfig, atlasConfigPath, defaultAtlasConfig, parseAtlasConfig } from '../lib/atlas-config';
import { fetchJson } from './fetch-asset';
import { report, resolveNotice } from './notices';
import { createResource } from './resource';

async function fetchConfig(_key: 'config', attempt: number): Promise<AtlasConfig> {
  let raw: unknown;
  try {
    raw = await fetchJson(atlasConfigPath, { attempt });
  } catch (e) {
    // No file is no setting; any other failure is said (the review number must not silently go missing).
    if (e instanceof Error && e.message.startsWith(`${atlasConfigPath}: HTTP 404`)) return defaultAtlasConfig;
    throw e;
  }
  const config = parseAtlasConfig(raw);
  resolveNotice({ type: 'config-failed' });
  return config;
}

export const configResource = createResource<'config', AtlasConfig>(fetchConfig, (_k, reason, retry) => report({ type: 'config-failed', reason }, { retry }));

export const loadAtlasConfig = (): Promise<AtlasConfig> => configResource.load('config');

/** Calls back with the setting once it is in (again after a retry). */
export function onAtlasConfig(listener: (config: AtlasConfig) => void): () => void {
  const state = configResource.peek('config');
  if (state?.status === 'ready') listener(state.data);
  return configResource.subscribe(() => {
    const s = configResource.peek('config');
    if (s?.status === 'ready') listener(s.data);
  });
}
