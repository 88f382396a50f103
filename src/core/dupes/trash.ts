// Moving photos to the trash, never deleting them. By default the OS trash, through the
// `trash` package (macOS Finder trash, Windows Recycle Bin, freedesktop trash on Linux:
// ~/.local/share/Trash or the volume's .Trash-<uid>), so the user restores a photo the way
// they restore anything else. With `trashDir` (SHOEBOX_TRASH_DIR), a freedesktop-layout trash
// folder of our own: files/<name> plus info/<name>.trashinfo, by a same-file-system rename
// only (a copy across file systems is refused rather than half-done); tests use it, and so
// can a user who wants the duplicates set aside in one place.
import fs from 'node:fs/promises';
import path from 'node:path';

export interface TrashOptions {
  /** A freedesktop-layout trash folder to use instead of the OS trash. */
  trashDir?: string;
}

export interface MoveOptions extends TrashOptions {
  /** Checked right before each move (as late as can be); throws, with the reason, to refuse it. */
  beforeMove?: (file: string) => Promise<void>;
}

export interface TrashResult {
  moved: string[];
  failed: { path: string; reason: string }[];
}

/** Moves each path to the trash, one at a time, and says which ones went. */
export async function moveToTrash(paths: readonly string[], options: MoveOptions = {}): Promise<TrashResult> {
  const result: TrashResult = { moved: [], failed: [] };
  const move = options.trashDir ? folderTrash(path.resolve(options.trashDir)) : await osTrash();
  for (const file of paths) {
    try {
      await fs.lstat(file); // the OS trash ignores a missing path; we report it
      await options.beforeMove?.(file);
      await move(file);
      result.moved.push(file);
    } catch (err) {
      result.failed.push({ path: file, reason: reasonOf(err) });
    }
  }
  return result;
}

function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'file not found';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}

async function osTrash(): Promise<(file: string) => Promise<void>> {
  const { default: trash } = await import('trash');
  return async (file) => {
    // glob: false, or a name with [ ] * ? would be taken for a pattern.
    await trash([file], { glob: false });
    const stillThere = await fs.lstat(file).then(
      () => true,
      () => false,
    );
    if (stillThere) throw new Error('the trash did not take the file');
  };
}

/** freedesktop.org Trash spec: Path is percent-encoded, DeletionDate local time without zone. */
function trashInfo(file: string, when: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}T${pad(when.getHours())}:${pad(when.getMinutes())}:${pad(when.getSeconds())}`;
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  return `[Trash Info]\nPath=${encoded}\nDeletionDate=${date}\n`;
}

function folderTrash(dir: string): (file: string) => Promise<void> {
  const files = path.join(dir, 'files');
  const info = path.join(dir, 'info');
  return async (file) => {
    await fs.mkdir(files, { recursive: true, mode: 0o700 });
    await fs.mkdir(info, { recursive: true, mode: 0o700 });
    const ext = path.extname(file);
    const stem = path.basename(file, ext);
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${stem}${ext}` : `${stem}.${n}${ext}`;
      const infoFile = path.join(info, `${name}.trashinfo`);
      try {
        // Creating the .trashinfo exclusively reserves the name (the spec's own protocol).
        await fs.writeFile(infoFile, trashInfo(path.resolve(file), new Date()), { flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw err;
      }
      const target = path.join(files, name);
      // rename() replaces silently: a file left there without its .trashinfo keeps its name.
      if (await fs.lstat(target).then(() => true, () => false)) {
        await fs.rm(infoFile, { force: true });
        continue;
      }
      try {
        await fs.rename(file, target);
        return;
      } catch (err) {
        await fs.rm(infoFile, { force: true });
        if ((err as NodeJS.ErrnoException).code === 'EXDEV') throw new Error(`not on the same file system as the trash folder ${dir}`, { cause: err });
        throw err;
      }
    }
  };
}
