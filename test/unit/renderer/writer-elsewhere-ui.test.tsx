// This device does not write the library (status().writer: another process writes it, this
// device's turn lapsed, or the connection was lost): the banner words what the engine decided,
// never reading its line; the viewer's refused changes go by the error's name once it writes
// again; and the two kinds of viewing only kept apart:
// without a model nothing searches, while another writer leaves search, "More like this" and
// opening albums as they are and takes away only what would change the library.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { AlbumsSection } from '../../../src/renderer/components/albums/AlbumsSection';
import { FavouriteButton } from '../../../src/renderer/components/FavouriteButton';
import { NoFolders } from '../../../src/renderer/components/FirstRun';
import { PhotoTile } from '../../../src/renderer/components/PhotoTile';
import { SearchBox } from '../../../src/renderer/components/SearchBox';
import { SelectionBar } from '../../../src/renderer/components/SelectionBar';
import { WriterElsewhereBanner } from '../../../src/renderer/components/WriterElsewhereBanner';
import { ViewingOnlyContext, type ViewingOnly } from '../../../src/renderer/hooks/useViewingOnly';
import type { LibraryState } from '../../../src/renderer/hooks/useLibrary';
import { PHOTOS_SCREEN } from '../../../src/renderer/lib/screen';
import { isWriterRefusal } from '../../../src/renderer/lib/writer-elsewhere';

const LINE = 'library busy: shoebox watch on gpubox (pid 4242) is writing to s3://family/shoebox; stop it or wait for it to finish';
const WRITER = { holder: 'shoebox watch on gpubox (pid 4242)', reason: 'busy' } as const;
const PHOTO = { id: 'p1', path: '/m/a.jpg', folder: '/m', width: 4, height: 3, takenAt: null } satisfies Photo;
const client = { transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {}, onEvent: () => () => {} } as unknown as ShoeboxClient;

const render = (node: ReactNode, viewingOnly: ViewingOnly) =>
  renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <ViewingOnlyContext.Provider value={viewingOnly}>{node}</ViewingOnlyContext.Provider>
    </ClientContext.Provider>,
  );
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'");

describe('a refused change, by the error the engine named', () => {
  // As the viewer records a failed change: the photo, the line shown, the error's name.
  const failed = (name: string | undefined, text: string) => ({ id: 'p1', text, name });
  const LOST = 'lost the connection to s3://family/shoebox at http://nas:9000 (no answer for 25 s): what was committed is kept; trying again resumes from there';

  it('is cleared once this device writes again whatever the line says: a lost connection is not worded "library …"', () => {
    expect(isWriterRefusal(failed('LeaseLostError', LOST))).toBe(true);
    expect(isWriterRefusal(failed('LibraryBusyError', LINE))).toBe(true);
    expect(isWriterRefusal(failed('LibraryUnreachableError', LOST))).toBe(true);
  });

  it('other failures stay, even worded like a refusal', () => {
    expect(isWriterRefusal(failed('Error', LINE))).toBe(false);
    expect(isWriterRefusal(failed(undefined, 'This photo is no longer in the library.'))).toBe(false);
  });
});

describe('the banner', () => {
  it('says who writes, that search and viewing work, that changes wait, and that nothing needs doing', () => {
    const html = renderToStaticMarkup(<WriterElsewhereBanner line={LINE} writer={WRITER} />);
    expect(html).toContain('aria-labelledby="writer-elsewhere-title"');
    expect(html).toMatch(/id="writer-elsewhere-title">Search and view only: shoebox watch on gpubox \(pid 4242\) is writing to this library\.</);
    expect(text(html)).toMatch(/Searching and looking through the photos work as usual\. Changes \(favourites, tags, albums, new folders…\) wait until it is done or quiet for a moment; this note then goes by itself, without a restart\./);
    expect(html).not.toContain('<button');
    // Named, the line itself is not repeated.
    expect(html).not.toContain('s3://family');
  });

  it('is said by a screen reader when it appears, and not again while the same process writes', () => {
    // A polite live region holding who writes: the engine's line changes at each look (when
    // the writer's lease lapses), the region's text does not.
    const region = (line: string) => /<p role="status">(.*?)<\/p>/s.exec(renderToStaticMarkup(<WriterElsewhereBanner line={line} writer={WRITER} />))?.[1];
    const at = (s: number) => `${LINE} (if it has stopped, its lease lapses by itself at 09:04:30, in ${s} s)`;
    expect(region(at(24))).toMatch(/^<strong id="writer-elsewhere-title">Search and view only: shoebox watch on gpubox \(pid 4242\) is writing to this library\.<\/strong>/);
    expect(region(at(14))).toBe(region(at(24)));
    expect(region(at(24))).not.toContain('lapses');
  });

  it('quotes the whole line when the engine names nobody', () => {
    const line = 'library busy: another process is taking the writer lock /home/me/.shoebox/library.lock';
    const html = renderToStaticMarkup(<WriterElsewhereBanner line={line} writer={{ holder: null, reason: 'busy' }} />);
    expect(text(html)).toContain('Search and view only: another device or program is writing to this library.');
    expect(text(html)).toContain(line);
  });

  it('says a lost connection as one, not as another device writing', () => {
    const line = 'lost the connection to s3://family/shoebox at http://nas:9000 (no answer for 25 s): what was committed is kept; trying again resumes from there';
    const said = text(renderToStaticMarkup(<WriterElsewhereBanner line={line} writer={{ holder: null, reason: 'connection' }} />));
    expect(said).toContain('Search and view only: the connection to this library was lost.');
    expect(said).toMatch(/Changes \(favourites, tags, albums, new folders…\) wait: this device tries again by itself/);
    expect(said).not.toMatch(/is writing to this library|another device/);
    expect(said).toContain(line); // how long the server did not answer
  });

  it("says a lapsed turn to write as that, not as a named writer", () => {
    const line = 'library lease lost: not renewed for 40 s (paused, asleep or cut off from the library); another device may be writing now; stopped writing';
    const said = text(renderToStaticMarkup(<WriterElsewhereBanner line={line} writer={{ holder: null, reason: 'lease-lost' }} />));
    expect(said).toContain("Search and view only: this device's turn to write to this library lapsed, and another device may be writing to it now.");
    expect(said).toMatch(/wait until this device can write again: it tries by itself/);
    expect(said).toContain(line);
  });
});

describe('search stays while another process writes; not without a model', () => {
  const box = (viewingOnly: ViewingOnly) => render(<SearchBox value="" onChange={() => {}} />, viewingOnly);
  const tile = (viewingOnly: ViewingOnly) => render(<PhotoTile photo={PHOTO} index={0} size={160} thumbUrl="/thumb/x" score={null} onOpen={() => {}} onMoreLikeThis={() => {}} />, viewingOnly);

  it('the search box', () => {
    expect(box('writer-elsewhere')).toContain('placeholder="Describe a photo… (press / to search)"');
    expect(box('writer-elsewhere')).not.toContain('disabled');
    expect(box('no-model')).toContain('placeholder="Search needs a model on this device"');
  });

  it('"More like this" on a tile', () => {
    expect(tile('writer-elsewhere')).toContain('More like a.jpg');
    expect(tile(false)).toContain('More like a.jpg');
    expect(tile('no-model')).not.toContain('More like');
  });
});

describe('changes are not offered while another process writes', () => {
  it("the selection bar keeps Export and Show in folder only", () => {
    const html = render(<SelectionBar count={2} photos={async () => []} onClear={() => {}} onTrashed={() => {}} onMoved={() => {}} askTrash={0} />, 'writer-elsewhere');
    expect(html).toContain('Export…');
    for (const action of ['aria-label="Favourite"', 'aria-label="Unfavourite"', 'Archive', 'Tag…', 'Album…', 'Date…', 'Place…', 'Trash…']) expect(html).not.toContain(action);
  });

  it("the viewer's heart shows the photo's state, disabled, and says why", () => {
    const favourites = { isFavourite: () => true, toggle: () => {}, error: null };
    const html = render(<FavouriteButton photo={PHOTO} favourites={favourites as never} />, 'writer-elsewhere');
    expect(html).toContain('aria-pressed="true"');
    expect(html).toContain('disabled=""');
    expect(html).toContain('title="Can be changed once this device may write to this library again (the note at the top says why not now)"');
    // Its name is "Favourite": the heart is hidden from screen readers (aria-pressed says on or off).
    expect(html).toMatch(/<span [^>]*aria-hidden="true">♥<\/span> Favourite<\/button>/);
  });

  it('smart albums are listed to be opened, not made', () => {
    const library = { photosVersion: 0 } as LibraryState;
    const section = (viewingOnly: ViewingOnly) => render(<AlbumsSection screen={PHOTOS_SCREEN} navigate={() => {}} library={library} showPlace={() => {}} showWithoutPlace={() => {}} />, viewingOnly);
    expect(section(false)).toContain('+ New');
    expect(section('writer-elsewhere')).toContain('>Albums</h2>');
    expect(section('writer-elsewhere')).not.toContain('+ New');
  });

  it('a library without folders does not offer to add one', () => {
    expect(render(<NoFolders />, false)).toContain('<form');
    const html = render(<NoFolders />, 'writer-elsewhere');
    expect(html).not.toContain('<form');
    expect(html).toContain('Can be changed once this device may write to this library again (the note at the top says why not now).');
  });
});
