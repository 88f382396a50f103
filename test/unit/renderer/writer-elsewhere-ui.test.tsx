// Another process writes the library (status().writerElsewhere): who, read from the engine's
// "library busy" line; the banner that says so; and the two kinds of viewing only kept apart:
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
import { writerOf } from '../../../src/renderer/lib/writer-elsewhere';

const LINE = 'library busy: shoebox watch on gpubox (pid 4242) is writing to s3://family/shoebox; stop it or wait for it to finish';
const PHOTO = { id: 'p1', path: '/m/a.jpg', folder: '/m', width: 4, height: 3, takenAt: null } satisfies Photo;
const client = { transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {}, onEvent: () => () => {} } as unknown as ShoeboxClient;

const render = (node: ReactNode, viewingOnly: ViewingOnly) =>
  renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <ViewingOnlyContext.Provider value={viewingOnly}>{node}</ViewingOnlyContext.Provider>
    </ClientContext.Provider>,
  );
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'");

describe('who writes the library, from its "library busy" line', () => {
  it('names the process, its device and pid', () => {
    expect(writerOf(LINE)).toBe('shoebox watch on gpubox (pid 4242)');
    // The writer lease's holder (another device), a Windows path for the library, odd words in a command.
    expect(writerOf('library busy: shoebox serve on laptop-2 (pid 17) is writing to C:\\Users\\me\\Shoebox; stop it or wait for it to finish')).toBe('shoebox serve on laptop-2 (pid 17)');
    expect(writerOf('library busy: another process on another device (pid 9) is writing to /nas/lib; stop it or wait for it to finish\nmore')).toBe('another process on another device (pid 9)');
    expect(writerOf('library busy: another process is taking the writer lock /home/me/.shoebox/library.lock')).toBe('another process');
  });

  it('names nobody in a line worded otherwise (the banner then quotes the line)', () => {
    expect(writerOf('library lease lost: it expired and was taken over; stopped writing')).toBeNull();
    expect(writerOf('library busy: this process is already writing to /lib')).toBeNull();
    expect(writerOf('')).toBeNull();
  });
});

describe('the banner', () => {
  it('says who writes, that search and viewing work, that changes wait, and that nothing needs doing', () => {
    const html = renderToStaticMarkup(<WriterElsewhereBanner line={LINE} />);
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
    const region = (line: string) => /<p role="status">(.*?)<\/p>/s.exec(renderToStaticMarkup(<WriterElsewhereBanner line={line} />))?.[1];
    const at = (s: number) => `${LINE} (if it has stopped, its lease lapses by itself at 09:04:30, in ${s} s)`;
    expect(region(at(24))).toMatch(/^<strong id="writer-elsewhere-title">Search and view only: shoebox watch on gpubox \(pid 4242\) is writing to this library\.<\/strong>/);
    expect(region(at(14))).toBe(region(at(24)));
    expect(region(at(24))).not.toContain('lapses');
  });

  it('falls back to the whole line', () => {
    const line = 'library lease lost: it expired and was taken over; stopped writing';
    const html = renderToStaticMarkup(<WriterElsewhereBanner line={line} />);
    expect(text(html)).toContain('Search and view only: another device or program is writing to this library.');
    expect(text(html)).toContain(line);
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
    expect(html).toContain('title="Can be changed once the other program writing this library is done"');
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
    expect(html).toContain('Can be changed once the other program writing this library is done.');
  });
});
