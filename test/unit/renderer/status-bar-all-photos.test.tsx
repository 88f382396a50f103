// The status bar says All photos with the core's numbers, the same ones the grid's header says
// (timelineSummary({})): a library whose only video is archived reads "9 photos · 1 archived"
// in the footer as "All photos 9 photos" in the header, not "8 photos, 1 video" (the library's
// count less the archive, with the Videos view's count, which keeps archived videos).
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { LibraryStatus, TimelineSummary } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { ResultHeader } from '../../../src/renderer/components/ResultHeader';
import { StatusBar } from '../../../src/renderer/components/StatusBar';
import { LIBRARY_VIEW } from '../../../src/renderer/lib/view';

const client = { transport: 'websocket', info: () => new Promise(() => {}), imageUrl: () => '', onConnectionChange: () => () => {} } as unknown as ShoeboxClient;
const text = (node: ReactNode) => renderToStaticMarkup(<ClientContext.Provider value={client}>{node}</ClientContext.Provider>).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const noop = () => {};

/** 10 files in the library (9 photos and 1 video), the video archived. */
const status: LibraryStatus = { model: null, modelProblem: null, photos: 10, folders: 1, failed: 0, watching: false, jobs: [] };
const allPhotos: TimelineSummary = { total: 9, days: [] }; // what the core answers for timelineSummary({}): no video shown

describe('the status bar', () => {
  it('says All photos as the grid header does, the archived ones said apart', () => {
    const footer = text(<StatusBar status={status} error={null} archived={1} shown={allPhotos} />);
    expect(footer).toContain(' 9 photos · 1 archived ');
    expect(footer).not.toContain('video');
    const header = text(<ResultHeader view={LIBRARY_VIEW} count={allPhotos.total} videos={allPhotos.videos ?? 0} countComplete loading={false} error={null} queryThumb={null} onBack={noop} />);
    expect(header).toContain('All photos 9 photos');
  });

  it("says the videos All photos shows, as the core counts them", () => {
    const footer = text(<StatusBar status={{ ...status, photos: 12 }} error={null} archived={1} shown={{ total: 11, videos: 2 }} />);
    expect(footer).toContain(' 9 photos, 2 videos · 1 archived ');
  });
});
