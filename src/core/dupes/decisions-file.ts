// The remembered duplicate decisions on disk: one JSON file per library
// (<home>/duplicate-decisions.json), not per model, since a decision is about the files and
// holds whichever model scans them. Written atomically (temp file, fsync, rename) like the
// report; the app and the CLI may both change it, so every change reads the file again
// right before writing (changes in one process are also queued one after another).
//
// Reading for a scan is forgiving (a missing file is "no decisions"; an unusable one is
// reported once and counts as none), but a change refuses an unusable file rather than
// write over decisions it could not read.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DECISION_KINDS, type DecisionKind, type DecisionMember, type DuplicateDecision } from './decisions';
import { writeFileAtomic } from '../../base/atomic-write';

const FORMAT_VERSION = 1;

export function decisionsFile(home: string): string {
  return path.join(home, 'duplicate-decisions.json');
}

/** A new decision's id: 8 hex digits, short enough to type after `shoebox dupes undo`. */
export function newDecisionId(taken: ReadonlySet<string>): string {
  for (;;) {
    const id = crypto.randomBytes(4).toString('hex');
    if (!taken.has(id)) return id;
  }
}

/** The decisions, or [] when there are none; an unusable file is [] after one line to `onProblem`. */
export async function loadDecisions(file: string, onProblem: (message: string) => void): Promise<DuplicateDecision[]> {
  try {
    return await readStrict(file);
  } catch (error) {
    onProblem(`the duplicate decisions in ${file} are unusable (${(error as Error).message}): they are ignored until the file is fixed or removed`);
    return [];
  }
}

/** The decisions and the file's identity, read again only when the file changed. */
export class DecisionsReader {
  private known: { stamp: string; decisions: DuplicateDecision[] } | null = null;

  constructor(
    private readonly file: string,
    private readonly onProblem: (message: string) => void,
  ) {}

  /** The same array as last time while the file is unchanged (callers cache on it). */
  async read(): Promise<DuplicateDecision[]> {
    const stamp = await fs.stat(this.file).then(
      (s) => `${s.ino}:${s.size}:${s.mtimeMs}`,
      () => 'none',
    );
    if (this.known?.stamp !== stamp) this.known = { stamp, decisions: stamp === 'none' ? [] : await loadDecisions(this.file, this.onProblem) };
    return this.known.decisions;
  }
}

const queues = new Map<string, Promise<unknown>>();

/** Reads, changes and writes the file, one change at a time in this process; `change`'s value is returned. */
export async function changeDecisions<T>(file: string, change: (decisions: DuplicateDecision[]) => { decisions: DuplicateDecision[]; value: T }): Promise<T> {
  const run = (queues.get(file) ?? Promise.resolve()).catch(() => undefined).then(async () => {
    const out = change(await readStrict(file));
    await writeFileAtomic(file, JSON.stringify({ version: FORMAT_VERSION, decisions: out.decisions }, null, 1));
    return out.value;
  });
  queues.set(file, run);
  try {
    return await run;
  } finally {
    if (queues.get(file) === run) queues.delete(file);
  }
}

async function readStrict(file: string): Promise<DuplicateDecision[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const o = JSON.parse(text) as unknown;
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
