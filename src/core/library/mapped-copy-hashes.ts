// What this device found in the files of its copies of mapped folders (`folders map`) whose
// times are not the ones the library keeps: a copy made without keeping times (`cp -r`, a sync
// tool that sets its own) shows every photo with another mtime. The indexer reads such a file
// once, and when it holds the row's content it leaves the shared row alone (another device's
// mtime) and remembers the answer here: path -> {size, mtimeMs, ino, ctimeMs, hash}. The next
// run, and `status`, then need only a stat, as for any unchanged photo (mapped-copy-times.ts).
// Size and mtime alone do not tell a file replaced in place with the same ones (`touch -r`,
// `rsync -t --inplace`, `exiftool -P`, exFAT's 2 s times): its inode or its status-change time
// (which no tool sets back) differs, so the answer is asked again.
//
// A device's own knowledge, so it lives in the home, never in the library:
//   <home>/cache/mapped-copies/<library key>.json
//   { "version": 1, "files": { PATH: [size, mtimeMs, hash, ino, ctimeMs] } }
// ino and ctimeMs null where the file's stat did not come with them; an entry of three (written
// before them) reads so, and is used only for such a stat.
// A cache: a file that cannot be read or written costs reading those photos again, never a
// run. Another process may write it meanwhile: a save applies this run's answers to the file
// as it is then.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { writeFileAtomicSync } from '../../base/atomic-write';

/** A file's size and modification time (whole milliseconds, as rows keep it). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** What tells a file from another put in its place with the same stamp (scan.ts's FoundFile has them). */
export interface FileIdentity {
  ino?: number;
  ctimeMs?: number;
}

type Entry = [size: number, mtimeMs: number, hash: string, ino: number | null, ctimeMs: number | null];

const nullable = (v: unknown) => v === null || typeof v === 'number';

function entryOf(stamp: FileStamp & FileIdentity, hash: string): Entry {
  return [stamp.size, stamp.mtimeMs, hash, stamp.ino ?? null, stamp.ctimeMs ?? null];
}

/** The file of one library's answers on this device. */
export function mappedCopyHashesFile(cacheDir: string, libraryUri: string): string {
  const key = crypto.createHash('sha256').update(libraryUri).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'mapped-copies', `${key}.json`);
}

/** A stored entry, one of three (written before ino and ctimeMs) read as without them; else undefined. */
function asEntry(value: unknown): Entry | undefined {
  if (!Array.isArray(value) || (value.length !== 3 && value.length !== 5)) return undefined;
  const [size, mtimeMs, hash, ino = null, ctimeMs = null] = value as unknown[];
  if (typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof hash !== 'string' || !nullable(ino) || !nullable(ctimeMs)) return undefined;
  return [size, mtimeMs, hash, ino as number | null, ctimeMs as number | null];
}

function readEntries(file: string): Map<string, Entry> {
  try {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown; files?: unknown } | null;
    if (doc?.version !== 1 || typeof doc.files !== 'object' || doc.files === null) return new Map();
    return new Map(Object.entries(doc.files as Record<string, unknown>).flatMap(([p, value]): [string, Entry][] => {
      const entry = asEntry(value);
      return entry ? [[p, entry]] : [];
    }));
  } catch {
    return new Map(); // missing or damaged: nothing known, the photos are read again
  }
}

export class MappedCopyHashes {
  /** Read on first need: a run with no file to ask about reads nothing. */
  private entries: Map<string, Entry> | undefined;
  /** This run's answers, applied to the file as it is when saved. */
  private readonly changes = new Map<string, Entry>();

  constructor(private readonly file: string) {}

  /** The content this device found at `p`, while the file still has the stamp and identity it had then. */
  hashAt(p: string, stamp: FileStamp & FileIdentity): string | undefined {
    this.entries ??= readEntries(this.file);
    const entry = this.entries.get(p);
    if (!entry) return undefined;
    const now = entryOf(stamp, entry[2]);
    return now.every((v, i) => v === entry[i]) ? entry[2] : undefined;
  }

  remember(p: string, stamp: FileStamp & FileIdentity, hash: string): void {
    const entry = entryOf(stamp, hash);
    (this.entries ??= readEntries(this.file)).set(p, entry);
    this.changes.set(p, entry);
  }

  /** Writes this run's answers; a failure is only a cache not kept. */
  save(): void {
    if (this.changes.size === 0) return;
    try {
      const entries = readEntries(this.file);
      for (const [p, entry] of this.changes) entries.set(p, entry);
      writeFileAtomicSync(this.file, `${JSON.stringify({ version: 1, files: Object.fromEntries(entries) })}\n`, { durable: false });
      this.changes.clear();
    } catch {
      // not kept: those photos are read again next run
    }
  }
}
