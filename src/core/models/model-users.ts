// Which live processes have an installed model loaded (`shoebox serve`, `watch`, the app), so
// that `shoebox models remove` does not delete a model from under them: the library's writer
// lock cannot tell, since it names no model and a quiet `watch` or `serve` gives it back.
//
// Each process that opens a model leaves a marker, <home>/models/.in-use/<id>/<pid>.json
// (its pid, its command, since when, which build: its weights
// fingerprint), and deletes it when it closes the model or exits. A
// marker is only a claim: one whose process is gone (a crash, kill -9, power loss) is stale,
// never blocks, and is deleted by the next look. Kept beside the models, not inside the model
// folder, which stays exactly the files that were verified (and may not be writable).
import fs from 'node:fs';
import path from 'node:path';
import { homePaths } from '../paths';
import { isProcessAlive } from '../../base/process-alive';
import { assertValidModelId, isValidModelId } from './model-error';
import { modelWeightsFingerprint } from './weights-fingerprint';

/** A live process with the model loaded, as its marker says. */
export interface ModelUser {
  pid: number;
  /** What it runs ("shoebox serve", "Shoebox app"). */
  command: string;
  /** When it opened the model (epoch ms). */
  since: number;
  /** The build it opened: the folder's weights fingerprint then (weights-fingerprint.ts), null
   *  for a folder without one; absent in a marker written before builds were recorded. */
  weights?: string | null;
}

export interface ModelUse {
  /** Deletes the marker; calling it twice is harmless. */
  release(): void;
}

/** Markers this process wrote and has not released: deleted at exit, and its own pid's others are stale. */
const heldHere = new Set<string>();
let exitHooked = false;

function markersDir(home: string, id: string): string {
  assertValidModelId(id);
  return path.join(homePaths(home).models, '.in-use', id);
}

/**
 * Records that this process has model `id` loaded until release() (or exit). A marker that
 * cannot be written only loses the warning, so it never fails the caller.
 */
export function markModelInUse(home: string, id: string, command: string): ModelUse {
  const file = path.join(markersDir(home, id), `${process.pid}.json`);
  const user: ModelUser = { pid: process.pid, command, since: Date.now(), weights: modelWeightsFingerprint(installedDir(home, id)) ?? null };
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(user));
    heldHere.add(file);
    hookExit();
  } catch {
    return { release() {} };
  }
  return {
    release() {
      if (!heldHere.delete(file)) return;
      fs.rmSync(file, { force: true });
    },
  };
}

/** The live processes that have model `id` loaded; stale markers are deleted on the way. */
export function modelUsers(home: string, id: string): ModelUser[] {
  const dir = markersDir(home, id);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const users: ModelUser[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const user = readMarker(file);
    // Our own pid in a marker this process did not write: an earlier process that had our pid.
    const live = user !== null && (user.pid === process.pid ? heldHere.has(file) : isProcessAlive(user.pid));
    if (live) users.push(user);
    else if (user !== null || isOld(file)) fs.rmSync(file, { force: true });
  }
  return users.sort((a, b) => a.since - b.since);
}

/**
 * The live processes other than this one that have a model other than `id` loaded: after
 * `models use id` they keep theirs until restarted (a running `serve` or app does not reread
 * settings.json), which the switch says rather than leave the web UI searching with the old one.
 * Those with `id` itself loaded, but an earlier build of it (earlierBuildUsers), are listed
 * too, under `id`: they keep that build, and embed nothing with the new one, until restarted.
 */
export function otherModelUsers(home: string, id: string): (ModelUser & { modelId: string })[] {
  let ids: string[];
  try {
    ids = fs.readdirSync(path.join(homePaths(home).models, '.in-use'));
  } catch {
    return [];
  }
  return ids
    .filter((other) => other !== id && isValidModelId(other))
    .flatMap((other) => modelUsers(home, other).filter((u) => u.pid !== process.pid).map((u) => ({ ...u, modelId: other })))
    .concat(earlierBuildUsers(home, id).map((u) => ({ ...u, modelId: id })))
    .sort((a, b) => a.since - b.since);
}

/**
 * The live processes other than this one that opened model `id` when its folder held another
 * build than it holds now (replaced after `models remove --force`): the library refuses to
 * embed with the new build there until they are restarted (library/pinned-model-build.ts).
 * By the same rule: a folder without a fingerprint now tells nothing.
 */
export function earlierBuildUsers(home: string, id: string): ModelUser[] {
  const now = modelWeightsFingerprint(installedDir(home, id));
  if (now === undefined) return [];
  return modelUsers(home, id).filter((u) => u.pid !== process.pid && u.weights !== undefined && u.weights !== now);
}

function installedDir(home: string, id: string): string {
  assertValidModelId(id);
  return path.join(homePaths(home).models, id);
}

/** How a refusal names the users: "process 4242 (shoebox serve)". */
export function describeUsers(users: readonly ModelUser[]): string {
  return users.map((u) => `process ${u.pid} (${u.command})`).join(', ');
}

function readMarker(file: string): ModelUser | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ModelUser>;
    if (!Number.isInteger(value.pid)) return null;
    const weights = typeof value.weights === 'string' || value.weights === null ? { weights: value.weights } : {};
    return { pid: value.pid!, command: typeof value.command === 'string' ? value.command : 'unknown command', since: typeof value.since === 'number' ? value.since : 0, ...weights };
  } catch {
    return null;
  }
}

/** An unreadable marker this old is a crash's leftover, not one being written. */
function isOld(file: string): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs > 2000;
  } catch {
    return false;
  }
}

function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const file of heldHere) fs.rmSync(file, { force: true });
  });
}
