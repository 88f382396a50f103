// What one indexing run did, as `shoebox index --json` prints it.
import type { JobResult } from '../../shared/api';
import type { KeptNotInCopy } from './mapped-copy-keep';

export interface IndexSummary {
  /** Files found under the folders. */
  scanned: number;
  /**
   * Of them, files that are neither photos nor videos (notes, sidecars: no photo or video
   * name, content no image): left alone, neither failed nor in the library. Without it the
   * summary's counts did not add up to `scanned`, one file said nowhere.
   */
  otherFiles: number;
  /** New photos in the library (moved files included: they arrive under their new path). */
  added: number;
  /**
   * Photos already in the library (another model's table holds them) that the model in use
   * embedded for the first time: after `models use`, not new photos, so not `added`.
   */
  newToModel: number;
  /** Photos whose file changed and was indexed again. */
  updated: number;
  unchanged: number;
  /** Photos whose file is gone, or no longer readable (`failed` says which: `dropped`). */
  removed: number;
  /** Photos whose embedding was reused from identical content under another path (moves, copies). */
  moved: number;
  /** Photos run through the model in this run. */
  embedded: number;
  /**
   * Files that could not be indexed, with why (known failures whose file did not change
   * included). `dropped`: the photo was in the library and its file changed into something
   * unreadable: its row is gone (counted in `removed`); its marks, kept by content, come back
   * if the file is restored. `known`: recorded by an earlier run and the file unchanged since,
   * so not tried again (a re-run tells only new failures in full).
   */
  failed: { path: string; reason: string; dropped?: true; known?: true }[];
  /**
   * Folders (or files, links) that could not be read, with how many photos under them were
   * kept: a missing library folder (an unmounted disk) never empties the library. `copiesAt`:
   * every kept photo is in the library under that folder too (moved there?: moved-folder.ts).
   */
  unavailable: { path: string; reason: string; kept: number; copiesAt?: string }[];
  /**
   * Mapped folders (`folders map`) whose photos this device's copy lacks: kept, not removed
   * (mapped-copy-keep.ts), with how many. Absent when none.
   */
  notInCopy?: KeptNotInCopy[];
  /** Stopped before the end (Ctrl-C): `left` photos wait for the next run. */
  interrupted: boolean;
  left: number;
  seconds: number;
}

export function emptySummary(): IndexSummary {
  return { scanned: 0, otherFiles: 0, added: 0, newToModel: 0, updated: 0, unchanged: 0, removed: 0, moved: 0, embedded: 0, failed: [], unavailable: [], interrupted: false, left: 0, seconds: 0 };
}

/** One line per unavailable folder, for stderr and logs. */
export function unavailableLines(summary: Pick<IndexSummary, 'unavailable'>): string[] {
  return summary.unavailable.map((u) => (u.kept === 0 ? `${u.reason}: ${u.path}` : `${u.reason}: ${u.path} — ${u.kept === 1 ? 'its 1 photo is' : `its ${u.kept} photos are`} kept`));
}

/** An index job's result, as the app's job list shows it. */
export function indexJobResult(s: IndexSummary): JobResult {
  // `moved` kept: without it the app read a rename as a new photo and a removed one, where the CLI says the move.
  return { added: s.added, updated: s.updated, removed: s.removed, embedded: s.embedded, failed: s.failed.length, ...(s.newToModel ? { newToModel: s.newToModel } : {}), ...(s.moved ? { moved: s.moved } : {}) };
}

/** Whether the run changed what listings or search show (views draw again). */
export function changedPhotos(s: Pick<IndexSummary, 'added' | 'updated' | 'removed' | 'newToModel'>): boolean {
  return s.added > 0 || s.updated > 0 || s.removed > 0 || s.newToModel > 0;
}
