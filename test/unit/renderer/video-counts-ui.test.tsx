// Videos said apart wherever the app counts library items, as `shoebox status` does: a folder
// of clips reads "5 videos" in the sidebar, All photos "20 photos, 5 videos", the Places note
// "7 photos, 5 videos have no place"; and a video's tile is named as a video with its length.
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { FolderInfo, Photo, PlacesSummary } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { FolderRow } from '../../../src/renderer/components/FolderRow';
import { PhotoTile } from '../../../src/renderer/components/PhotoTile';
import { ResultHeader } from '../../../src/renderer/components/ResultHeader';
import { PlacesScreen } from '../../../src/renderer/components/places/PlacesScreen';
import type { LibraryState } from '../../../src/renderer/hooks/useLibrary';
import { LIBRARY_VIEW, type View } from '../../../src/renderer/lib/view';

const client = { transport: 'websocket', imageUrl: (id: string, kind: string) => `/media/${kind}/${id}`, onConnectionChange: () => () => {} } as unknown as ShoeboxClient;
const text = (node: ReactNode) => renderToStaticMarkup(<ClientContext.Provider value={client}>{node}</ClientContext.Provider>).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const noop = () => {};

describe('a folder row', () => {
  const row = (folder: FolderInfo) => text(<FolderRow folder={folder} job={undefined} selected={false} onSelect={noop} />);

  it('counts a folder of videos as videos, and a mixed one apart', () => {
    expect(row({ path: '/clips', addedAt: 0, photos: 5, videos: 5, failed: 0 })).toContain(' 5 videos ');
    expect(row({ path: '/clips', addedAt: 0, photos: 5, videos: 5, failed: 0 })).not.toContain('photo');
    expect(row({ path: '/m', addedAt: 0, photos: 1204, videos: 4, failed: 0 })).toContain(' 1,200 photos, 4 videos ');
    expect(row({ path: '/m', addedAt: 0, photos: 30, failed: 0 })).toContain(' 30 photos ');
  });
});

describe("a library view's header", () => {
  const header = (view: View, count: number, videos: number | null | undefined) =>
    text(<ResultHeader view={view} count={count} videos={videos} countComplete loading={false} error={null} queryThumb={null} onBack={noop} />);

  it('says the photos and the videos of the view apart', () => {
    expect(header(LIBRARY_VIEW, 25, 5)).toContain('All photos 20 photos, 5 videos');
    expect(header({ kind: 'library', folder: '/clips' }, 5, 5)).toContain('clips 5 videos');
    expect(header(LIBRARY_VIEW, 25, 0)).toContain('All photos 25 photos');
  });

  it('says no count until it knows the videos among them, never one calling them photos', () => {
    expect(header(LIBRARY_VIEW, 25, null)).not.toContain('25');
  });

  it('counts the Videos view and search results as before', () => {
    expect(header({ kind: 'library', folder: null, videos: true }, 2, 2)).toContain('Videos 2 videos');
    expect(header({ kind: 'search', query: 'blue' }, 3, undefined)).toContain('3 results');
  });
});

describe('the Places note on photos without a place', () => {
  const summary: PlacesSummary = { countries: [], located: 0, unplaced: 0, withoutPlace: 12, withoutPlaceVideos: 5 };
  const page = (s: PlacesSummary) => text(<PlacesScreen screen={{ kind: 'places' }} navigate={noop} library={{ photosVersion: 0, folders: [] } as unknown as LibraryState} showPlace={noop} showWithoutPlace={noop} places={{ summary: s, error: null }} />);

  it('says the videos apart', () => {
    expect(page(summary)).toContain('7 photos, 5 videos have no place');
    expect(page({ ...summary, withoutPlace: 1, withoutPlaceVideos: 1 })).toContain('1 video has no place');
    expect(page({ ...summary, withoutPlaceVideos: undefined })).toContain('12 photos have no place');
  });
});

describe("a video's tile", () => {
  const VIDEO = { id: 'v1', path: '/m/a.mp4', folder: '/m', width: 1280, height: 720, takenAt: null, kind: 'video', duration: 8.4 } satisfies Photo;
  const html = (photo: Photo) => renderToStaticMarkup(<PhotoTile photo={photo} index={0} size={160} thumbUrl="/thumb/x" score={null} onOpen={noop} onMoreLikeThis={noop} />);

  it('is named as a video with its length; the badge is seen, not read again', () => {
    expect(html(VIDEO)).toContain('aria-label="Open video a.mp4, 0:08"');
    expect(html(VIDEO)).toMatch(/class="tile__duration"[^>]*aria-hidden="true"/);
    expect(html({ ...VIDEO, kind: undefined, duration: undefined, path: '/m/a.jpg' })).toContain('aria-label="Open a.jpg"');
  });
});
