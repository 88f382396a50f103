// The last duplicate scan, one file per model build (duplicates/<tables key>.json in the
// library's files: under <home> for the default library, under an S3 library's prefix). The
// key is the one of the photos tables the scan read (store/model-tables.ts): the id's own
// (`modelKey`, the name every report had before builds were told apart, so an upgraded
// library's report is read where its tables are the id's own or adopted), or a build's own
// (`weightsKey`) when other weights were imported under an id used before. A report measured
// with other vectors (its near and similar groups) is so never shown for these weights: they
// find none and offer a scan, and switching back finds the first build's.
//
// Its paths are as the library keeps them (reportWithPaths turns them into a device's and
// back), so a review survives a restart or a switch to another model and back. The file holds the
// engine's groups (paths) and each member's library row as it was scanned (size, mtime,
// hash): the trash step compares those with the library before it moves anything, so a
// report read back days later can never move a photo that changed meanwhile.
//
// Written atomically (temp file, fsync, rename): a crash leaves the old report or the new
// one, never half of one. Reading is forgiving: a missing file is "no scan yet", and a file
// that cannot be read or is not what we wrote is reported once and treated the same.
import { asLibraryFile, FolderFiles } from '../location/folder-files';
import { libraryFile, type LibraryFile, type LibraryFiles } from '../location/library-files';
import { isBuildKeyOf, modelKey } from '../store/model-key';
import { DUPLICATE_KINDS, type DuplicateGroup, type DuplicateKind, type DuplicateMember } from './types';
import type { KeepReason } from '../../shared/api';
import { KEEP_REASON_TEXT } from '../../shared/keep-reason-text';

/** A member's library row when the scan ran. */
export interface ScannedState {
  size: number;
  mtimeMs: number;
  hash: string;
}

/** A finished scan as the API keeps it, in memory and on disk. */
export interface SavedReport {
  /** When the scan started (epoch ms). */
  scannedAt: number;
  kinds: DuplicateKind[];
  /** Photos the scan looked at, less the members that left the report since (withoutPaths). */
  photos: number;
  /** Photos the scan looked at, never lowered: what the review says was scanned. Absent in a
   *  file written before it was kept (its `photos` may already be lower). */
  scanned?: number;
  seconds: number;
  /** The scan looked only under this folder (`shoebox dupes --folder`); absent: the whole
   *  library. Kept so that the review never reads a narrowed scan as the library's. */
  folder?: string;
  /** The similar-shots threshold the scan was given (`--threshold`); absent: the default. */
  threshold?: number;
  groups: DuplicateGroup[];
  /** Every member's row at scan time, by path. */
  states: Map<string, ScannedState>;
}

/** Bumped when the layout changes; an older file is then ignored (scan again). */
// 2: each group's `why` (the keeper's reasons): the trash holds a picture back by it
// (held-back.ts), so a report saved without it must not be read as one with nothing to hold.
const FORMAT_VERSION = 2;

interface ReportFile {
  version: number;
  modelId: string;
  scannedAt: number;
  kinds: DuplicateKind[];
  photos: number;
  /** Added within format 1: older files go without it. */
  scanned?: number;
  seconds: number;
  /** Added within format 1, as `scanned`: older files (whole-library scans, as far as they tell) go without them. */
  folder?: string;
  threshold?: number;
  groups: DuplicateGroup[];
  states: Record<string, ScannedState>;
}

/** Where the report of `modelId`'s library is kept; `tablesKey` as in reportKey. */
export function reportFile(home: string, modelId: string, tablesKey?: string): string {
  return new FolderFiles(home).where(reportKey(modelId, tablesKey));
}

/** Where the reports are among the library's files (one per model build). */
export const REPORTS_PREFIX = 'duplicates/';

/**
 * The report's key in the library's files. `tablesKey`: the key of the photos tables the
 * model reads (LibraryStore.modelTablesKey); by default the id's own.
 */
export function reportKey(modelId: string, tablesKey = modelKey(modelId)): string {
  // A build's key extends its id's: anything else would read another model's report.
  if (!isBuildKeyOf(tablesKey, modelId)) throw new Error(`${tablesKey} is not a key of model ${modelId}'s tables`);
  return `${REPORTS_PREFIX}${tablesKey}.json`;
}

/** The report of `modelId` (the build whose tables have `tablesKey`) in a library's files. */
export function libraryReport(files: LibraryFiles, modelId: string, tablesKey?: string): LibraryFile {
  return libraryFile(files, reportKey(modelId, tablesKey));
}

/** A report file: a local path (tests) or a library's file. */
export type ReportTarget = string | LibraryFile;

const fileOf = asLibraryFile;

/** `report` with every path passed through `to`: this device's paths to the library's before a
 *  save, and back after a load, so devices that see the folders elsewhere share one report. */
export function reportWithPaths(report: SavedReport, to: (path: string) => string): SavedReport {
  return {
    ...report,
    ...(report.folder === undefined ? {} : { folder: to(report.folder) }),
    groups: report.groups.map((g) => ({ ...g, keep: to(g.keep), members: g.members.map((m) => ({ ...m, path: to(m.path) })) })),
    states: new Map([...report.states].map(([p, state]) => [to(p), state])),
  };
}

export async function saveReport(target: ReportTarget, modelId: string, report: SavedReport): Promise<void> {
  const contents: ReportFile = {
    version: FORMAT_VERSION,
    modelId,
    scannedAt: report.scannedAt,
    kinds: report.kinds,
    photos: report.photos,
    ...(report.scanned === undefined ? {} : { scanned: report.scanned }),
    seconds: report.seconds,
    ...(report.folder === undefined ? {} : { folder: report.folder }),
    ...(report.threshold === undefined ? {} : { threshold: report.threshold }),
    groups: report.groups,
    states: Object.fromEntries(report.states),
  };
  await fileOf(target).write(JSON.stringify(contents));
}

/**
 * The saved report, or null when there is none. A file that cannot be used (unreadable,
 * not JSON, another format or model) is also null, after one line to `onProblem`.
 */
export async function loadReport(target: ReportTarget, modelId: string, onProblem: (message: string) => void): Promise<SavedReport | null> {
  const file = fileOf(target);
  let text: string;
  try {
    const bytes = await file.read();
    if (bytes === null) return null;
    text = bytes.toString('utf8');
  } catch (error) {
    onProblem(`the saved duplicates report ${file.where} could not be read (${(error as Error).message}): scan again`);
    return null;
  }
  try {
    return parseReport(JSON.parse(text) as unknown, modelId);
  } catch (error) {
    onProblem(`the saved duplicates report ${file.where} is unusable (${(error as Error).message}): scan again`);
    return null;
  }
}

/** Checks every field: a file edited by hand or cut short must not reach the trash step. */
function parseReport(value: unknown, modelId: string): SavedReport {
  const o = object(value, 'report');
  if (typeof o['version'] === 'number' && o['version'] < FORMAT_VERSION) throw new Error('made by an older Shoebox');
  if (o['version'] !== FORMAT_VERSION) throw new Error(`format ${String(o['version'])}, expected ${FORMAT_VERSION}`);
  if (o['modelId'] !== modelId) throw new Error(`made with model ${String(o['modelId'])}`);
  const kinds = array(o['kinds'], 'kinds').map((k) => kind(k));
  const groups = array(o['groups'], 'groups').map((g) => group(g));
  const states = new Map<string, ScannedState>();
  for (const [file, s] of Object.entries(object(o['states'], 'states'))) {
    const state = object(s, 'state');
    states.set(file, { size: count(state['size'], 'size'), mtimeMs: number(state['mtimeMs'], 'mtimeMs'), hash: string(state['hash'], 'hash') });
  }
  const scanned = o['scanned'] === undefined ? {} : { scanned: count(o['scanned'], 'scanned') };
  const folder = o['folder'] === undefined ? {} : { folder: string(o['folder'], 'folder') };
  const threshold = o['threshold'] === undefined ? {} : { threshold: number(o['threshold'], 'threshold') };
  return { scannedAt: number(o['scannedAt'], 'scannedAt'), kinds, photos: count(o['photos'], 'photos'), ...scanned, seconds: number(o['seconds'], 'seconds'), ...folder, ...threshold, groups, states };
}

function group(value: unknown): DuplicateGroup {
  const g = object(value, 'group');
  const members = array(g['members'], 'members').map((m): DuplicateMember => {
    const member = object(m, 'member');
    return { path: string(member['path'], 'path'), width: count(member['width'], 'width'), height: count(member['height'], 'height'), bytes: count(member['bytes'], 'bytes') };
  });
  const keep = string(g['keep'], 'keep');
  if (members.length < 2) throw new Error('a group with fewer than 2 members');
  if (!members.some((m) => m.path === keep)) throw new Error('a group whose keeper is not a member');
  // Absent when the keeper had no reason to tell; it holds a picture back, so it is checked.
  const why = g['why'] === undefined ? {} : { why: array(g['why'], 'why').map((r) => keepReason(r)) };
  return { kind: kind(g['kind']), keep, members, ...why };
}

function keepReason(value: unknown): KeepReason {
  if (typeof value !== 'string' || !Object.hasOwn(KEEP_REASON_TEXT, value)) throw new Error(`unknown reason ${String(value)}`);
  return value as KeepReason;
}

function object(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${name} is not an object`);
  return value as Record<string, unknown>;
}

function array(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${name} is not a list`);
  return value;
}

function string(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`${name} is not a string`);
  return value;
}

function number(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${name} is not a number`);
  return value;
}

function count(value: unknown, name: string): number {
  const n = number(value, name);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} is not a count`);
  return n;
}

function kind(value: unknown): DuplicateKind {
  if (!(DUPLICATE_KINDS as readonly unknown[]).includes(value)) throw new Error(`unknown kind ${String(value)}`);
  return value as DuplicateKind;
}
