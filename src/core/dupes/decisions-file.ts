// The remembered duplicate decisions: one JSON file per library (duplicate-decisions.json in
// the library's files: <home>/ for the default library, an object under an S3 library's
// prefix), not per model, since a decision is about the files and
// holds whichever model scans them. Written atomically (temp file, fsync, rename) like the
// report. The app, the CLI and other devices sharing the library may all change it at once,
// so a change is a compare-and-write (LibraryFiles.writeIfVersion: a conditional PUT on S3, a
// lock file in a folder): a change that lost the race reads the file again and is made over
// what the other wrote, never over it (changes in one process are also queued).
//
// Reading for a scan is forgiving (a missing file is "no decisions"; an unusable one is
// reported once and counts as none), but a change refuses an unusable file rather than
// write over decisions it could not read.
import crypto from 'node:crypto';
import path from 'node:path';
import { DECISION_KINDS, type DecisionKind, type DecisionMember, type DuplicateDecision } from './decisions';
import { asLibraryFile } from '../location/folder-files';
import { libraryFile, type LibraryFile, type LibraryFiles } from '../location/library-files';

const FORMAT_VERSION = 1;

/** The file's key in the library's files. */
export const DECISIONS_KEY = 'duplicate-decisions.json';

export function decisionsFile(home: string): string {
  return path.join(home, DECISIONS_KEY);
}

/** The decisions file: a local path (tests, older callers) or a library's file. */
export type DecisionsTarget = string | LibraryFile;

/** The decisions of a library whose files are `files`. */
export function libraryDecisions(files: LibraryFiles): LibraryFile {
  return libraryFile(files, DECISIONS_KEY);
}

const fileOf = asLibraryFile;

/** Tries before a change gives up: each lost try means another writer's change landed. */
const MAX_TRIES = 50;

/** A new decision's id: 8 hex digits, short enough to type after `shoebox dupes undo`. */
export function newDecisionId(taken: ReadonlySet<string>): string {
  for (;;) {
    const id = crypto.randomBytes(4).toString('hex');
    if (!taken.has(id)) return id;
  }
}

/** The decisions, or [] when there are none; an unusable file is [] after one line to `onProblem`. */
export async function loadDecisions(target: DecisionsTarget, onProblem: (message: string) => void): Promise<DuplicateDecision[]> {
  const file = fileOf(target);
  try {
    return await readStrict(file);
  } catch (error) {
    onProblem(`the duplicate decisions in ${file.where} are unusable (${(error as Error).message}): they are ignored until the file is fixed or removed`);
    return [];
  }
}

/** The decisions and the file's identity, read again only when the file changed. */
export class DecisionsReader {
  private known: { stamp: string; decisions: DuplicateDecision[] } | null = null;
  private readonly file: LibraryFile;

  constructor(
    target: DecisionsTarget,
    private readonly onProblem: (message: string) => void,
  ) {
    this.file = fileOf(target);
  }

  /** The same array as last time while the file is unchanged (callers cache on it). */
  async read(): Promise<DuplicateDecision[]> {
    const stamp = (await this.file.stamp().catch(() => null)) ?? 'none';
    if (this.known?.stamp !== stamp) this.known = { stamp, decisions: stamp === 'none' ? [] : await loadDecisions(this.file, this.onProblem) };
    return this.known.decisions;
  }
}

const queues = new Map<string, Promise<unknown>>();

/** Reads, changes and writes the file, one change at a time in this process, again from the
 *  read when another writer changed it meanwhile (`change` may run more than once); `change`'s
 *  value is returned. `decisions: null`: nothing to write. */
export async function changeDecisions<T>(target: DecisionsTarget, change: (decisions: DuplicateDecision[]) => { decisions: DuplicateDecision[] | null; value: T }): Promise<T> {
  const file = fileOf(target);
  const queue = file.where;
  const run = (queues.get(queue) ?? Promise.resolve()).catch(() => undefined).then(async () => {
    for (let tries = 1; ; tries++) {
      const { data, version } = await file.readVersioned();
      const out = change(parseDecisions(data));
      if (out.decisions === null) return out.value; // nothing to write
      if (await file.writeIfVersion(JSON.stringify({ version: FORMAT_VERSION, decisions: out.decisions }, null, 1), version)) return out.value;
      if (tries >= MAX_TRIES) throw new Error(`the duplicate decisions in ${file.where} keep changing under us: try again`);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * Math.min(tries, 10)));
    }
  });
  queues.set(queue, run);
  try {
    return await run;
  } finally {
    if (queues.get(queue) === run) queues.delete(queue);
  }
}

async function readStrict(file: LibraryFile): Promise<DuplicateDecision[]> {
  return parseDecisions(await file.read());
}

function parseDecisions(bytes: Buffer | null): DuplicateDecision[] {
  if (bytes === null) return [];
  const o = JSON.parse(bytes.toString('utf8')) as unknown;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new Error('not an object');
  const { version, decisions } = o as Record<string, unknown>;
  if (version !== FORMAT_VERSION) throw new Error(`format ${String(version)}, expected ${FORMAT_VERSION}`);
  if (!Array.isArray(decisions)) throw new Error('decisions is not a list');
  return decisions.map(decision);
}

function decision(value: unknown): DuplicateDecision {
  if (typeof value !== 'object' || value === null) throw new Error('a decision is not an object');
  const d = value as Record<string, unknown>;
  if (typeof d['id'] !== 'string' || !/^[0-9a-f]{8}$/.test(d['id'])) throw new Error('a decision without an id');
  if (!(DECISION_KINDS as readonly unknown[]).includes(d['kind'])) throw new Error(`unknown decision ${String(d['kind'])}`);
  if (typeof d['decidedAt'] !== 'number' || !Number.isFinite(d['decidedAt'])) throw new Error('a decision without a date');
  if (!Array.isArray(d['members']) || d['members'].length < 2) throw new Error('a decision with fewer than 2 files');
  const members = d['members'].map((m: unknown): DecisionMember => {
    const member = (m ?? {}) as Record<string, unknown>;
    if (typeof member['hash'] !== 'string' || typeof member['path'] !== 'string') throw new Error('a decision member without hash or path');
    return { hash: member['hash'], path: member['path'] };
  });
  return { id: d['id'], kind: d['kind'] as DecisionKind, decidedAt: d['decidedAt'], members };
}
