/**
 * Where the studio gets a plan's files: the sources the build publishes with the atlas (loaded only now, through
 * the data layer's one reader, so the offline single file serves them too), or a folder on this computer.
 */
import { baseGeoFileNames, baseGeoFrom, type BaseGeo, type BaseGeoFiles } from '../../compiler/base-geo';
import { sourcesPath, type PublishedSources } from '../../compiler/sources';
import { fetchJson } from '../../data/fetch-asset';
import type { Opened } from './session';

/** A plan's published sources, as the studio opens them. Throws naming the file when it is not a plan's sources. */
export async function loadAtlasSources(planId: string): Promise<Opened> {
  const path = sourcesPath(planId);
  const raw = (await fetchJson(path)) as Partial<PublishedSources> | null;
  if (!raw || typeof raw.planYaml !== 'string' || typeof raw.folder !== 'string' || typeof raw.seed?.text !== 'string')
    throw new Error(`${path}: not a plan's published sources`);
  return {
    origin: 'atlas',
    folder: raw.folder,
    planYaml: raw.planYaml,
    ...(typeof raw.placesYaml === 'string' ? { placesYaml: raw.placesYaml } : {}),
    seedName: raw.seed.name,
    seed: raw.seed.text,
  };
}

let base: Promise<BaseGeo> | undefined;

/** The base geography as the compiler needs it (the map's own files, read once more and indexed). */
export function loadCompilerBase(): Promise<BaseGeo> {
  base ??= (async () => {
    const entries = await Promise.all(Object.entries(baseGeoFileNames).map(async ([key, name]) => [key, await fetchJson(`geo/base/${name}`)] as const));
    return baseGeoFrom(Object.fromEntries(entries) as unknown as BaseGeoFiles);
  })();
  base.catch(() => {
    base = undefined;
  });
  return base;
}

/** A text file of a folder the user opened, by its path inside that folder. */
export type FolderReader = (path: string) => Promise<string | undefined>;

/** Something the plan's files can be written back to. */
export interface FolderWriter {
  name: string;
  write(path: string, text: string): Promise<void>;
}

/** Reads a folder opened with the File System Access API (`showDirectoryPicker`). */
export function handleReader(root: FileSystemDirectoryHandle): FolderReader {
  return async (path) => {
    const parts = path.split('/').filter(Boolean);
    try {
      let dir = root;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
      const file = await (await dir.getFileHandle(parts.at(-1) ?? '')).getFile();
      return await file.text();
    } catch {
      return undefined;
    }
  };
}

/** Writes back into a folder opened with the File System Access API. */
export function handleWriter(root: FileSystemDirectoryHandle): FolderWriter {
  return {
    name: root.name,
    async write(path, text) {
      const parts = path.split('/').filter(Boolean);
      let dir = root;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const handle = await dir.getFileHandle(parts.at(-1) ?? '', { create: true });
      const stream = await handle.createWritable();
      await stream.write(text);
      await stream.close();
    },
  };
}

/** A folder the user opened: its plan.yaml files (paths inside it) and, where the browser allows, a way to write back. */
export interface OpenedFolder {
  name: string;
  read: FolderReader;
  planPaths: string[];
  writer?: FolderWriter;
}

const isPlanPath = (path: string) => /(^|\/)plan\.yaml$/.test(path) && path.split('/').length <= 3;

/** A folder opened with the File System Access API: listed to the depth of data/<id>/plan.yaml. */
export async function folderFromHandle(root: FileSystemDirectoryHandle): Promise<OpenedFolder> {
  const planPaths: string[] = [];
  const walk = async (dir: FileSystemDirectoryHandle, prefix: string, depth: number) => {
    for await (const [name, entry] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
      const path = `${prefix}${name}`;
      if (entry.kind === 'file' && isPlanPath(path)) planPaths.push(path);
      else if (entry.kind === 'directory' && depth < 2 && !name.startsWith('.') && name !== 'node_modules')
        await walk(entry as FileSystemDirectoryHandle, `${path}/`, depth + 1);
    }
  };
  await walk(root, '', 0);
  return { name: root.name, read: handleReader(root), planPaths: planPaths.sort(), writer: handleWriter(root) };
}

/** Files picked with `<input webkitdirectory>` or dropped: paths are taken relative to the picked folder. */
export function folderFromFiles(files: readonly File[]): OpenedFolder {
  const byPath = new Map<string, File>();
  let name = '';
  for (const f of files) {
    const parts = (f.webkitRelativePath || f.name).split('/');
    if (f.webkitRelativePath) name ||= parts[0] ?? '';
    byPath.set((f.webkitRelativePath ? parts.slice(1) : parts).join('/'), f);
  }
  return { name, read: async (path) => byPath.get(path)?.text(), planPaths: [...byPath.keys()].filter(isPlanPath).sort() };
}

const seedOf = (planYaml: string) => /^seed:\s*["']?([^"'\s#]+)/m.exec(planYaml)?.[1];

/**
 * A plan's files from an opened folder: plan.yaml, places.yaml beside it, and its seed from the repository's
 * data/seeds/ (beside the plan folder), else from the published atlas when it has a seed of that name.
 * Throws naming the file that is missing or is not a plan.
 */
export async function openFromFolder(folder: OpenedFolder, planPath: string, atlasSeed: (name: string) => Promise<string | undefined>): Promise<Opened> {
  const planYaml = await folder.read(planPath);
  if (planYaml === undefined) throw new Error(`${planPath}: cannot be read`);
  const dir = planPath.split('/').slice(0, -1);
  const planFolder = dir.at(-1) ?? folder.name;
  const seedName = seedOf(planYaml);
  if (!seedName) throw new Error(`${planPath}: not a plan (no “seed:” naming its source text)`);
  const placesYaml = await folder.read([...dir, 'places.yaml'].join('/'));
  const seedPaths = [[...dir.slice(0, -1), 'seeds', seedName].join('/'), `data/seeds/${seedName}`, `seeds/${seedName}`];
  let seed: string | undefined;
  for (const p of seedPaths) seed ??= await folder.read(p);
  seed ??= await atlasSeed(seedName);
  if (seed === undefined) throw new Error(`${planPath}: its seed ${seedName} is neither in ${seedPaths[0]} nor in the atlas`);
  return { origin: 'folder', folder: planFolder, planYaml, ...(placesYaml !== undefined ? { placesYaml } : {}), seedName, seed, folderPath: dir.join('/') };
}

/**
 * Where a repository path (`data/qujing/plan.yaml`, `data/seeds/x.txt`) lies in the opened folder: the folder may be
 * the repository (plan at `data/qujing`), its data/ (plan at `qujing`) or the plan folder itself (plan at the top).
 */
export function pathInFolder(repoPath: string, folderPath: string, planFolder: string): string {
  if (folderPath === `data/${planFolder}`) return repoPath;
  if (folderPath === planFolder) return repoPath.replace(/^data\//, '');
  return repoPath.startsWith(`data/${planFolder}/`) ? repoPath.slice(`data/${planFolder}/`.length) : repoPath.replace(/^data\//, '../');
}
