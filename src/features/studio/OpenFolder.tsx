/**
 * Opens a plan from a folder on this computer: the repository, its data/ folder or one plan's folder. Where the
 * browser has the File System Access API the folder can also be written back to; elsewhere a folder picker or a
 * folder dropped on the studio reads it.
 */
import { useId, useRef, useState } from 'react';
import { fetchJson } from '../../data/fetch-asset';
import { sourcesPath } from '../../compiler/sources';
import type { Opened } from './session';
import { folderFromFiles, folderFromHandle, openFromFolder, type FolderWriter, type OpenedFolder } from './sources';
import { useStudioStrings } from './strings';

type DirectoryPicker = (options?: { mode?: 'read' | 'readwrite' }) => Promise<FileSystemDirectoryHandle>;

/** A seed of that name in the published atlas (a plan folder opened without its repository's seeds). */
async function atlasSeed(planFolder: string, name: string): Promise<string | undefined> {
  try {
    const raw = (await fetchJson(sourcesPath(planFolder))) as { seed?: { name?: string; text?: string } };
    return raw.seed?.name === name ? raw.seed.text : undefined;
  } catch {
    return undefined;
  }
}

/** Every file of a dropped folder, with its path (as `webkitRelativePath` would give it). */
async function droppedFiles(items: DataTransferItemList): Promise<File[]> {
  const files: File[] = [];
  const walk = async (entry: FileSystemEntry, path: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      files.push(new File([file], file.name, { type: file.type }));
      Object.defineProperty(files.at(-1), 'webkitRelativePath', { value: `${path}${entry.name}` });
    } else if (entry.isDirectory && !entry.name.startsWith('.') && entry.name !== 'node_modules' && path.split('/').length <= 3) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        for (const e of batch) await walk(e, `${path}${entry.name}/`);
      }
    }
  };
  for (const item of [...items]) {
    const entry = item.webkitGetAsEntry();
    if (entry) await walk(entry, '');
  }
  return files;
}

export function OpenFolder({ onOpen }: { onOpen: (opened: Opened, writer?: FolderWriter) => void }) {
  const t = useStudioStrings();
  const input = useRef<HTMLInputElement>(null);
  const [folder, setFolder] = useState<OpenedFolder>();
  const [error, setError] = useState('');
  const id = useId();
  const picker = (window as unknown as { showDirectoryPicker?: DirectoryPicker }).showDirectoryPicker;

  const openPlan = async (f: OpenedFolder, planPath: string) => {
    try {
      const dir = planPath.split('/').slice(0, -1);
      const opened = await openFromFolder(f, planPath, (name) => atlasSeed(dir.at(-1) ?? f.name, name));
      setFolder(undefined);
      setError('');
      onOpen(opened, f.writer);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const got = (f: OpenedFolder) => {
    if (!f.planPaths.length) return setError(t.noPlanInFolder(f.name));
    if (f.planPaths.length === 1) return void openPlan(f, f.planPaths[0] as string);
    setError('');
    setFolder(f);
  };

  return (
    <div
      className="studio-open"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void droppedFiles(e.dataTransfer.items).then((files) => got(folderFromFiles(files)));
      }}
    >
      <button
        type="button"
        className="btn"
        title={t.openFolderHint}
        onClick={() => {
          if (picker)
            picker({ mode: 'readwrite' }).then(
              (handle) => folderFromHandle(handle).then(got),
              () => undefined, // the user closed the picker
            );
          else input.current?.click();
        }}
      >
        {t.openFolder}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={t.openFolder}
        // @ts-expect-error: webkitdirectory is not in React's types, but every desktop browser takes it
        webkitdirectory=""
        multiple
        onChange={(e) => e.target.files && got(folderFromFiles([...e.target.files]))}
      />
      {folder && (
        <div className="studio-grid">
          <label htmlFor={`${id}-plan`}>{t.choosePlan}</label>
          <select id={`${id}-plan`} defaultValue="" onChange={(e) => e.target.value && void openPlan(folder, e.target.value)}>
            <option value="">—</option>
            {folder.planPaths.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
      )}
      {error && (
        <p className="studio-refusal" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
