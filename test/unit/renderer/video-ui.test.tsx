// A video in the UI: its tile shows a duration badge, and the viewer plays it from the video
// URL of the transport, starting at the moment a search matched (a photo gets neither); the
// viewer's facts give its length.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Photo, PhotoDetails } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { PhotoTile } from '../../../src/renderer/components/PhotoTile';
import { VideoPlayer } from '../../../src/renderer/components/VideoPlayer';
import { PhotoMetadata } from '../../../src/renderer/components/PhotoMetadata';
import { formatDuration } from '../../../src/shared/video-time';

const VIDEO = { id: 'v1', path: '/m/clip.mp4', folder: '/m', width: 1280, height: 720, takenAt: null, kind: 'video', duration: 83.4 } satisfies Photo;
const PHOTO = { id: 'p1', path: '/m/a.jpg', folder: '/m', width: 4, height: 3, takenAt: null } satisfies Photo;
const client = { transport: 'websocket', imageUrl: (id: string, kind: string) => `/${kind}/${id}?k=cap`, onConnectionChange: () => () => {} } as unknown as ShoeboxClient;

const tile = (photo: Photo) => renderToStaticMarkup(<PhotoTile photo={photo} index={0} size={160} thumbUrl="/thumb/x" score={null} onOpen={() => {}} onMoreLikeThis={() => {}} />);

describe('videos in the UI', () => {
  it('formats lengths as players do', () => {
    expect(formatDuration(8.4)).toBe('0:08');
    expect(formatDuration(754)).toBe('12:34');
    expect(formatDuration(3723)).toBe('1:02:03');
  });

  it('badges a video\'s tile with its length, not a photo\'s', () => {
    expect(tile(VIDEO)).toMatch(/class="tile__duration" title="Video, 1:23"/);
    expect(tile(PHOTO)).not.toContain('tile__duration');
  });

  it('plays from the transport\'s video URL, with the thumbnail as poster and the matched moment said', () => {
    const html = renderToStaticMarkup(
      <ClientContext.Provider value={client}>
        <VideoPlayer photo={VIDEO} time={12} name="clip.mp4" />
      </ClientContext.Provider>,
    );
    expect(html).toMatch(/<video[^>]*src="\/video\/v1\?k=cap"/);
    expect(html).toMatch(/poster="\/thumb\/v1\?k=cap"/);
    expect(html).toContain('Best match at 0:12');
  });
});

describe("a video's facts in the viewer", () => {
  const details = { size: 12_300_000, mtimeMs: 0, cameraMake: null, cameraModel: null, gpsLat: null, gpsLon: null, modelId: 'tiny', indexedAt: 0, tags: [] };
  const facts = (photo: PhotoDetails) =>
    renderToStaticMarkup(
      <ClientContext.Provider value={client}>
        <PhotoMetadata photo={photo} />
      </ClientContext.Provider>,
    );

  // The viewer's panel gave no length for a video: the player shows one only once it plays.
  it("lists a video's length, and none for a photo", () => {
    expect(facts({ ...VIDEO, ...details })).toMatch(/<dt>Length<\/dt><dd>1:23<\/dd>/);
    expect(facts({ ...PHOTO, ...details })).not.toContain('Length');
  });
});
