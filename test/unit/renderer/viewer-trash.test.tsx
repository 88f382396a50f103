// The viewer's Trash… (README Known limits said the viewer had none), without a page: the
// button is offered with its key beside the viewer's other actions and not while the library
// is only viewed (as the grid's Trash… is not); the trash says what it did in the grid's words
// (one function for both); once the list has answered without the photo, the viewer goes to
// the one that took its place, the one before at the end, or closes; Delete is listed.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { ViewerTrashButton } from '../../../src/renderer/components/ViewerTrashButton';
import { ViewingOnlyContext, type ViewingOnly } from '../../../src/renderer/hooks/useViewingOnly';
import { SHORTCUT_GROUPS } from '../../../src/renderer/lib/shortcuts';
import { trashResultText, viewerAfterTrash, type ListAfterTrash } from '../../../src/renderer/lib/trash';

const PHOTO = { id: 'p1', path: '/m/a.jpg', folder: '/m', width: 4, height: 3, takenAt: null } satisfies Photo;
const client = { transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {} } as unknown as ShoeboxClient;
const render = (node: ReactNode, viewingOnly: ViewingOnly = false) =>
  renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <ViewingOnlyContext.Provider value={viewingOnly}>{node}</ViewingOnlyContext.Provider>
    </ClientContext.Provider>,
  );
const button = (viewingOnly: ViewingOnly = false, photo: Photo | null = PHOTO) => render(<ViewerTrashButton photo={photo ?? undefined} keys busy={false} onTrash={() => {}} />, viewingOnly);

/** A list read again: `ids` in order, every page answered unless `settled` is false. */
const list = (ids: string[], settled = true): ListAfterTrash => ({
  settled,
  complete: settled,
  count: ids.length,
  hasLoaded: () => settled,
  indexOf: (id) => (settled ? ids.indexOf(id) : -1),
});

describe("the viewer's trash", () => {
  it('offers Trash… with its key, waiting while the photo loads, and not while only viewing', () => {
    expect(button()).toMatch(/<button type="button" class="button button--danger" title="[^"]*Delete[^"]*">Trash…<\/button>/);
    expect(button(false, null)).toMatch(/<button [^>]*disabled=""[^>]*>Trash…<\/button>/);
    expect(button('no-model')).toBe('');
    expect(button('writer-elsewhere')).toBe('');
  });

  it("says what it did in the grid's words", () => {
    expect(trashResultText({ moved: ['/m/a.jpg'], skipped: [], failed: [] })).toBe('Moved 1 photo to the trash.');
    expect(trashResultText({ moved: [], skipped: [{ path: '/m/a.jpg', reason: 'changed since it was indexed' }], failed: [] })).toBe('Moved 0 photos to the trash. 1 left where they are (/m/a.jpg: changed since it was indexed).');
    expect(trashResultText({ moved: ['/m/a.jpg', '/m/b.jpg'], skipped: [], failed: [{ path: '/m/c.jpg', error: 'EACCES' }] })).toBe('Moved 2 photos to the trash. 1 left where they are (/m/c.jpg: EACCES).');
  });

  it('steps on once the list answered without the photo: the next, the one before at the end, or closes', () => {
    // Not yet: the list still has it, or is being read again.
    expect(viewerAfterTrash(list(['a', 'b', 'c']), 1, 'b')).toBe('wait');
    expect(viewerAfterTrash(list([], false), 1, 'b')).toBe('wait');
    // The one that took its place.
    expect(viewerAfterTrash(list(['a', 'c']), 1, 'b')).toBe(1);
    // The last one: the one before it.
    expect(viewerAfterTrash(list(['a', 'b']), 2, 'c')).toBe(1);
    // None left.
    expect(viewerAfterTrash(list([]), 0, 'a')).toBe('close');
  });

  it('lists Delete among the viewer keys', () => {
    const viewer = SHORTCUT_GROUPS.find((g) => g.title === 'Viewer')!;
    expect(viewer.keys.some(([key, what]) => key.startsWith('Delete') && /trash/i.test(what))).toBe(true);
  });
});
