// Undo of a date or a place set by hand on many photos at once (the selection bar's Date…, its
// Shift dates, and Place…): a bulk set by mistake would otherwise lose every date or place the
// user had set on those photos before ("Put back the files' own" brings back only the files'
// values). Before writing, setTakenAt, shiftTakenAt and setPlace keep what each changed content
// had, its edit record or no edit (the file's own), and what they gave it; undoEdit puts the
// records back, in the same write queue, on the contents that still show what that change set.
// (A shift is undone so too, not by the same shift back.) A photo changed again
// since keeps its newer value: undoing the older change must not lose the newer one.
// Handles live in the host's memory, the last MAX_UNDOS, each good once.
import type { UndoEditResult } from '../../shared/api';
import type { LibraryStore, PhotoSummary } from '../store/types';
import type { ApiContext, ApiMethods } from './api-context';
import { emitChanged } from './edits-by-path';

/** How many changes can still be undone: enough for a run of slips, small enough to forget. */
export const MAX_UNDOS = 20;

/** One kind of edit (dates, places) as an undo writes it. */
export interface UndoKind<E extends { hash: string; editedAt: number }> {
  /** Every edit now, by content hash. */
  edits(store: LibraryStore): Promise<ReadonlyMap<string, E>>;
  /** Writes these edits back (the store keeps each content's file values, as they were). */
  set(store: LibraryStore, edits: Omit<E, 'editedAt'>[]): Promise<void>;
  /** Forgets these contents' edits: their files' own values back. */
  restore(store: LibraryStore, hashes: string[]): Promise<void>;
  /** Whether two contents' edits (null: none, the file's own) show the same values. */
  same(a: E | null, b: E | null): boolean;
  /** `before`'s values as an edit of the content a photo holds now (its file rewritten since by
   *  another program, the marks carried to it): that content's hash and file's own values, from
   *  its edit now or else its row. */
  onto(before: E, hash: string, now: E | null, row: PhotoSummary): Omit<E, 'editedAt'>;
}

/** What one change did to one content: its edit before and after (null: none), and the photos (paths) it counted. */
export interface ContentChange<E> {
  hash: string;
  before: E | null;
  after: E | null;
  paths: string[];
}

/** A change that can be undone: its kind and what it did to each content. */
export interface EditChange<E extends { hash: string; editedAt: number }> {
  kind: UndoKind<E>;
  contents: ContentChange<E>[];
}

export interface EditUndos {
  /** Keeps a change for undoEdit; returns its handle (undefined when it changed nothing). */
  keep<E extends { hash: string; editedAt: number }>(change: EditChange<E>): number | undefined;
  /** LibraryApi's undoEdit. */
  methods(ctx: ApiContext): ApiMethods<'undoEdit'>;
}

/** The host's undoable changes, in memory: the last MAX_UNDOS, each undone once. */
export function editUndos(): EditUndos {
  const kept = new Map<number, EditChange<{ hash: string; editedAt: number }>>();
  let last = 0;
  return {
    keep(change) {
      if (change.contents.length === 0) return undefined;
      kept.set(++last, change as unknown as EditChange<{ hash: string; editedAt: number }>);
      // A Map iterates in insertion order: the first key is the oldest handle.
      while (kept.size > MAX_UNDOS) kept.delete(kept.keys().next().value!);
      return last;
    },
    methods: (ctx) => ({
      async undoEdit(undo) {
        const change = kept.get(undo);
        if (!change) throw new Error('that change can no longer be undone');
        kept.delete(undo); // good once, even when two windows ask at the same time
        try {
          return await ctx.writes.edits(() => putBack(ctx, change));
        } catch (e) {
          // Nothing (or not all) was put back: the user may try again (the contents put back
          // already are then counted as changed since, and left as they are).
          kept.set(undo, change);
          throw e;
        }
      },
    }),
  };
}

/**
 * What a change just written did to the contents of the `changed` paths: `before`, every edit
 * of its kind as read before writing (in the same write-queue turn), the edits after read now.
 */
export async function changeOf<E extends { hash: string; editedAt: number }>(
  kind: UndoKind<E>,
  store: LibraryStore,
  before: ReadonlyMap<string, E>,
  changed: readonly string[],
  rows: ReadonlyMap<string, PhotoSummary>,
): Promise<EditChange<E>> {
  const paths = new Map<string, string[]>();
  for (const p of changed) {
    const hash = rows.get(p)!.hash;
    paths.set(hash, [...(paths.get(hash) ?? []), p]);
  }
  const after = paths.size ? await kind.edits(store) : new Map<string, E>();
  return { kind, contents: [...paths].map(([hash, counted]) => ({ hash, before: before.get(hash) ?? null, after: after.get(hash) ?? null, paths: counted })) };
}

async function putBack<E extends { hash: string; editedAt: number }>(ctx: ApiContext, change: EditChange<E>): Promise<UndoEditResult> {
  const store = await (await ctx.need()).writable();
  const now = await change.kind.edits(store);
  // Each change's photos by path, as they are now: a file another program rewrote since holds a
  // new content, which the edits were carried to (changed-content-marks.ts); the undo follows it.
  const rows = await store.photosByPath([...new Set(change.contents.flatMap((c) => c.paths))]);
  const current = change.contents.map((c) => {
    const row = c.paths.map((p) => rows.get(p)).find((r) => r !== undefined);
    return { c, row, hash: row?.hash ?? c.hash };
  });
  const still = current.filter(({ c, hash }) => change.kind.same(now.get(hash) ?? null, c.after));
  const edited = still.flatMap(({ c, row, hash }) => {
    if (!c.before) return [];
    return [hash === c.hash || !row ? withoutEditedAt(c.before) : change.kind.onto(c.before, hash, now.get(hash) ?? null, row)];
  });
  await change.kind.set(store, edited);
  await change.kind.restore(store, still.filter(({ c }) => !c.before).map(({ hash }) => hash));
  const count = (contents: readonly { c: ContentChange<E> }[]) => contents.reduce((n, { c }) => n + c.paths.length, 0);
  const done = count(still);
  emitChanged(ctx, still.flatMap(({ c }) => c.paths));
  return { done, changedSince: count(current) - done };
}

function withoutEditedAt<E extends { editedAt: number }>(edit: E): Omit<E, 'editedAt'> {
  const { editedAt: _, ...rest } = edit;
  return rest;
}
