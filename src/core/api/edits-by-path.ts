// What the dates and places set by hand share (taken-at-api.ts, place-edit-api.ts): photos named
// by path (the CLI) or by id (the app), opened for writing, each content once; a restore that
// changes only the photos that were edited; the app's count of what was done.
import path from 'node:path';
import type { BatchResult } from '../../shared/api';
import type { LibraryStore, PhotoSummary } from '../store/types';
import type { ApiContext } from './api-context';
import { pathFromPhotoId } from './photo-id';

export interface PhotosAtPaths {
  store: LibraryStore;
  /** The library's rows of the paths asked for. */
  rows: Map<string, PhotoSummary>;
  /** Paths asked for (resolved, once each) that the library holds, and those it does not. */
  found: string[];
  missing: string[];
  /** One row per content among `found`: copies of one photo are written once. */
  contents: PhotoSummary[];
}

export async function photosAtPaths(ctx: ApiContext, paths: readonly string[]): Promise<PhotosAtPaths> {
  const wanted = [...new Set(paths.map((p) => path.resolve(p)))];
  const store = await (await ctx.need()).writable();
  const rows = await store.photosByPath(wanted);
  const found = wanted.filter((p) => rows.has(p));
  return { store, rows, found, missing: wanted.filter((p) => !rows.has(p)), contents: [...new Map(found.map((p) => [rows.get(p)!.hash, rows.get(p)!])).values()] };
}

/** Restores the photos among `at.found` whose content has an edit; resolves to their paths. */
export async function restoreEdited(at: PhotosAtPaths, edits: ReadonlyMap<string, unknown>, restore: (hashes: string[]) => Promise<void>): Promise<string[]> {
  const changed = at.found.filter((p) => edits.has(at.rows.get(p)!.hash));
  await restore([...new Set(changed.map((p) => at.rows.get(p)!.hash))]);
  return changed;
}

/** The paths photo ids name, once each (an id that names no path is left out). */
export function pathsOf(ids: readonly string[]): string[] {
  return [...new Set(ids)].flatMap((id) => pathFromPhotoId(id) ?? []);
}

/** The app's call by ids, through the CLI's by paths: how many were done, how many ids named no library photo. */
export async function byIds(ids: readonly string[], run: (paths: string[]) => Promise<{ missing: string[] }>): Promise<BatchResult> {
  const paths = pathsOf(ids);
  const { missing } = await run(paths);
  const done = paths.length - missing.length;
  return { done, missing: new Set(ids).size - done };
}

/** Library photos to draw again: their place in the timelines or on the map moved. */
export function emitChanged(ctx: ApiContext, changed: readonly string[]): void {
  if (changed.length) ctx.emit({ type: 'photos-changed', added: 0, removed: 0 });
}
