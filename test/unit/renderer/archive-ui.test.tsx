// The archive in the UI, without a page: the tile's badge (archived photos only, between the
// heart and a video's length), the viewer's Archive / Unarchive button (none while only
// viewing), the selection bar's action (Unarchive in the Archive, none while only viewing),
// the result lines, the Archive view's timeline options and empty text, and Shift+A listed.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { ArchiveButton } from '../../../src/renderer/components/ArchiveButton';
import { ArchivedLabel } from '../../../src/renderer/components/ArchivedBadge';
import { PhotoTile } from '../../../src/renderer/components/PhotoTile';
import { SelectionBar } from '../../../src/renderer/components/SelectionBar';
import { ViewingOnlyContext } from '../../../src/renderer/hooks/useViewingOnly';
import { timelineOptions } from '../../../src/renderer/hooks/usePhotoSource';
import { archiveResultText, EMPTY_ARCHIVE_TEXT } from '../../../src/renderer/lib/archive';
import { emptyViewText } from '../../../src/renderer/lib/empty-view';
import { SHORTCUT_GROUPS } from '../../../src/renderer/lib/shortcuts';
import { ARCHIVE_VIEW, LIBRARY_VIEW, viewKey } from '../../../src/renderer/lib/view';

const PHOTO = { id: 'p1', path: '/m/a.jpg', folder: '/m', width: 4, height: 3, takenAt: null } satisfies Photo;
const ARCHIVED = { ...PHOTO, id: 'p2', archived: true } satisfies Photo;
const client = { transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {} } as unknown as ShoeboxClient;

const tile = (photo: Photo) => renderToStaticMarkup(<PhotoTile photo={photo} index={0} size={160} thumbUrl="/thumb/x" score={null} onOpen={() => {}} onMoreLikeThis={() => {}} />);
const render = (node: ReactNode, viewingOnly = false) =>
  renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <ViewingOnlyContext.Provider value={viewingOnly && 'no-model'}>{node}</ViewingOnlyContext.Provider>
    </ClientContext.Provider>,
  );
const toggle = (on: boolean) => ({ isOn: () => on, toggle: () => {}, error: null });
const bar = (inArchive: boolean, viewingOnly = false) => render(<SelectionBar count={2} photos={async () => []} onClear={() => {}} onTrashed={() => {}} onMoved={() => {}} askTrash={0} inArchive={inArchive} />, viewingOnly);

describe('the archive in the UI', () => {
  it("badges an archived photo's tile, named Archived, and no other tile", () => {
    expect(tile(ARCHIVED)).toMatch(/<span class="tile__mark tile__archived" role="img" aria-label="Archived" title="Archived[^"]*"><svg/);
    expect(tile(PHOTO)).not.toContain('tile__archived');
  });

  it('puts the badge after the heart and before a video length (the CSS moves them over)', () => {
    const html = tile({ ...ARCHIVED, favourite: true, kind: 'video', duration: 83 });
    expect(html).toMatch(/class="tile__mark tile__favourite"[^]*?<\/span><span class="tile__mark tile__archived"[^]*?<\/svg><\/span><span class="tile__duration"/);
  });

  it("the viewer's button says what it will do, and is not offered while only viewing", () => {
    expect(render(<ArchiveButton photo={PHOTO} archive={toggle(false)} />)).toMatch(/<button[^>]*>.*Archive<\/button>/);
    expect(render(<ArchiveButton photo={ARCHIVED} archive={toggle(true)} />)).toMatch(/<button[^>]*>.*Unarchive<\/button>/);
    expect(render(<ArchiveButton photo={PHOTO} archive={toggle(false)} />, true)).toBe('');
    expect(render(<ArchivedLabel archived />)).toContain('Archived</p>');
    expect(render(<ArchivedLabel archived={false} />)).toBe('');
  });

  it('the selection bar archives, unarchives in the Archive, and offers neither while only viewing', () => {
    expect(bar(false)).toMatch(/<\/svg> Archive<\/button>/);
    expect(bar(false)).not.toContain('Unarchive');
    expect(bar(true)).toMatch(/<\/svg> Unarchive<\/button>/);
    expect(bar(false, true)).not.toMatch(/Archive|Unarchive/);
  });

  it('says what a batch did, the photos gone from the library included', () => {
    expect(archiveResultText({ done: 3, missing: 0 }, true)).toBe('Archived 3 photos.');
    expect(archiveResultText({ done: 1, missing: 1 }, false)).toBe('Unarchived 1 photo. 1 photo no longer in the library.');
  });

  it('says the copies of the chosen photos that the archive took along (it keeps content, not paths)', () => {
    expect(archiveResultText({ done: 2, missing: 0, unchanged: 0, copies: 1 }, true)).toBe('Archived 2 photos (and 1 copy of them).');
    expect(archiveResultText({ done: 1, missing: 0, copies: 2 }, false)).toBe('Unarchived 1 photo (and 2 copies of it).');
    expect(archiveResultText({ done: 2, missing: 0, unchanged: 1, copies: 1 }, true)).toBe('Archived 1 photo (and 1 copy of it). 1 photo was already archived.');
    expect(archiveResultText({ done: 2, missing: 0, copies: 0 }, true)).toBe('Archived 2 photos.');
  });

  it('the Archive is its own timeline: asks for the archived photos, keyed apart, with its own empty text', () => {
    expect(timelineOptions({ kind: 'library', folder: null, archived: true })).toMatchObject({ archived: true });
    expect(timelineOptions({ kind: 'library', folder: null })).not.toHaveProperty('archived');
    expect(viewKey(ARCHIVE_VIEW)).not.toBe(viewKey(LIBRARY_VIEW));
    expect(emptyViewText(ARCHIVE_VIEW)).toBe(EMPTY_ARCHIVE_TEXT);
  });

  it('lists Shift+A in the grids and the viewer', () => {
    for (const title of ['Photo grids', 'Viewer']) expect(SHORTCUT_GROUPS.find((g) => g.title === title)?.keys.map(([key]) => key)).toContain('Shift A');
  });
});
