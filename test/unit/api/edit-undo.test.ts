// The host's undoable date and place changes (core/api/edit-undo.ts) with an edit kind kept in
// memory: only the last MAX_UNDOS can be undone, each once, and a change that touched nothing
// gives no handle. (Through the real store: test/integration/edit-undo.test.ts.)
import { describe, expect, it } from 'vitest';
import { editUndos, MAX_UNDOS, type EditChange, type UndoKind } from '../../../src/core/api/edit-undo';
import type { ApiContext } from '../../../src/core/api/api-context';
import type { PhotoSummary } from '../../../src/core/store/types';

interface Edit {
  hash: string;
  value: number;
  editedAt: number;
}

/** A library of one kind of edit, in memory; the context undoEdit needs. */
function memoryLibrary() {
  const edits = new Map<string, Edit>();
  const kind: UndoKind<Edit> = {
    edits: async () => edits,
    set: async (_store, list) => list.forEach((e) => edits.set(e.hash, { ...e, editedAt: 1 })),
    restore: async (_store, hashes) => hashes.forEach((h) => edits.delete(h)),
    same: (a, b) => a?.value === b?.value,
    onto: (before, hash) => ({ hash, value: before.value }),
  };
  /** Which content each photo (path) holds now: a rewritten file holds a new one. */
  const contentAt = new Map<string, string>();
  const photosByPath = async (paths: readonly string[]) =>
    new Map(paths.flatMap((p) => (contentAt.has(p) ? [[p, { path: p, hash: contentAt.get(p)! } as unknown as PhotoSummary] as const] : [])));
  const ctx = { need: async () => ({ writable: async () => ({ photosByPath }) }), writes: { edits: (run: () => Promise<unknown>) => run() }, emit: () => {} } as unknown as ApiContext;
  /** A change that set `hash` to `value` from no edit. */
  const setFromNone = (hash: string, value: number): EditChange<Edit> => {
    edits.set(hash, { hash, value, editedAt: 1 });
    contentAt.set(`/p/${hash}.jpg`, hash);
    return { kind, contents: [{ hash, before: null, after: { hash, value, editedAt: 1 }, paths: [`/p/${hash}.jpg`] }] };
  };
  /** A change that set `hash` from an earlier edit of `was` to `value`. */
  const setFrom = (hash: string, was: number, value: number): EditChange<Edit> => {
    edits.set(hash, { hash, value, editedAt: 1 });
    contentAt.set(`/p/${hash}.jpg`, hash);
    return { kind, contents: [{ hash, before: { hash, value: was, editedAt: 0 }, after: { hash, value, editedAt: 1 }, paths: [`/p/${hash}.jpg`] }] };
  };
  /** Another program rewrites the photo's file: a new content, its edit carried over (changed-content-marks.ts). */
  const rewrite = (path: string, to: string) => {
    const from = contentAt.get(path)!;
    const edit = edits.get(from);
    if (edit) edits.set(to, { ...edit, hash: to });
    edits.delete(from);
    contentAt.set(path, to);
  };
  return { edits, kind, ctx, setFromNone, setFrom, rewrite };
}

describe('edit undo handles', () => {
  it('keeps only the last changes: an older handle is refused in one line', async () => {
    const lib = memoryLibrary();
    const undos = editUndos();
    const { undoEdit } = undos.methods(lib.ctx);
    const handles = Array.from({ length: MAX_UNDOS + 1 }, (_, i) => undos.keep(lib.setFromNone(`h${i}`, i))!);
    await expect(undoEdit(handles[0]!)).rejects.toThrow(/^that change can no longer be undone$/);
    expect(lib.edits.has('h0')).toBe(true);
    expect(await undoEdit(handles[1]!)).toEqual({ done: 1, changedSince: 0 });
    expect(lib.edits.has('h1')).toBe(false);
    await expect(undoEdit(handles[1]!)).rejects.toThrow(/^that change can no longer be undone$/);
  });

  it('follows a photo whose file another program rewrote since: its edit is put back on the content it holds now', async () => {
    const lib = memoryLibrary();
    const undos = editUndos();
    const { undoEdit } = undos.methods(lib.ctx);
    const fromEdit = undos.keep(lib.setFrom('a', 5, 9))!;
    const fromNone = undos.keep(lib.setFromNone('b', 7))!;
    lib.rewrite('/p/a.jpg', 'a2');
    lib.rewrite('/p/b.jpg', 'b2');
    expect(await undoEdit(fromEdit)).toEqual({ done: 1, changedSince: 0 });
    expect(lib.edits.get('a2')).toMatchObject({ value: 5 });
    expect(await undoEdit(fromNone)).toEqual({ done: 1, changedSince: 0 });
    expect(lib.edits.has('b2')).toBe(false);
  });

  it('gives no handle to a change that touched nothing', () => {
    const lib = memoryLibrary();
    expect(editUndos().keep({ kind: lib.kind, contents: [] })).toBeUndefined();
  });

  it('a failed undo can be tried again', async () => {
    const lib = memoryLibrary();
    const undos = editUndos();
    const handle = undos.keep(lib.setFromNone('a', 1))!;
    let fail = true;
    const { undoEdit } = undos.methods({ ...lib.ctx, need: async () => (fail ? Promise.reject(new Error('the library is open elsewhere')) : lib.ctx.need()) } as ApiContext);
    await expect(undoEdit(handle)).rejects.toThrow('the library is open elsewhere');
    fail = false;
    expect(await undoEdit(handle)).toEqual({ done: 1, changedSince: 0 });
  });
});
