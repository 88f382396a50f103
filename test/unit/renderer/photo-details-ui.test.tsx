// The viewer's details about how a photo was taken, without a page: its camera named once, its
// lens and exposure in the words `shoebox show` prints (shared/camera-text.ts,
// shared/exposure-text.ts), no rows for what the file did not say (a video, a file on another
// device) or until it answers (photoShot, asked apart from getPhoto; an answer for a photo no
// longer shown is dropped), and a photo without a description offered "Add a description" once,
// not "none" too; and when the details panel shows (lib/viewer-details.ts).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PhotoDetails, PhotoShot } from '../../../src/shared/api';
import { followPhotoShot, PhotoFacts, PhotoMetadata } from '../../../src/renderer/components/PhotoMetadata';
import { DETAILS_KEY, detailsShown, NARROW_WIDTH, rememberDetails } from '../../../src/renderer/lib/viewer-details';
import type { SettingsStore } from '../../../src/renderer/lib/slideshow-settings';

function details(extra: Partial<PhotoDetails>): PhotoDetails {
  return { id: 'x', path: '/m/x.jpg', folder: '/m', width: 4, height: 3, takenAt: null, size: 1000, mtimeMs: 0, cameraMake: null, cameraModel: null, gpsLat: null, gpsLon: null, modelId: 'm', indexedAt: 0, tags: [], ...extra };
}

/** The metadata's rows, term → text. */
function rows(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map((m) => [m[1]!, m[2]!.replace(/<[^>]+>/g, '')]));
}

describe("the viewer's details of how a photo was taken", () => {
  it('names the camera once and shows its lens and exposure as photo apps word them', () => {
    const shot: PhotoShot = { lens: 'iPhone 6 back camera 4.15mm f/2.2', exposure: { time: 1 / 40, fNumber: 2.2, iso: 32, focalLength: 4.15, focalLength35mm: 29 } };
    const shown = rows(renderToStaticMarkup(<PhotoFacts photo={details({ cameraMake: 'Apple', cameraModel: 'iPhone 6' })} shot={shot} />));
    expect(shown.get('Camera')).toBe('Apple iPhone 6');
    expect(shown.get('Lens')).toBe('iPhone 6 back camera 4.15mm f/2.2');
    expect(shown.get('Exposure')).toBe('f/2.2 · 1/40 s · 4.2 mm (29 mm in 35 mm) · ISO 32');
    // Together, in that order: the camera, its lens, how it was set.
    const terms = [...shown.keys()];
    expect(terms.slice(terms.indexOf('Camera'), terms.indexOf('Camera') + 3)).toEqual(['Camera', 'Lens', 'Exposure']);
    expect(rows(renderToStaticMarkup(<PhotoMetadata photo={details({ cameraMake: 'Canon', cameraModel: 'Canon EOS 40D' })} />)).get('Camera')).toBe('Canon EOS 40D');
    expect(rows(renderToStaticMarkup(<PhotoMetadata photo={details({ cameraMake: 'NIKON CORPORATION', cameraModel: 'NIKON D70' })} />)).get('Camera')).toBe('NIKON D70');
  });

  it('has no lens or exposure rows where the file said none (or is not reachable here), nor before it answers', () => {
    const shown = rows(renderToStaticMarkup(<PhotoFacts photo={details({ unreachable: true })} shot={{}} />));
    expect(shown.has('Lens')).toBe(false);
    expect(shown.has('Exposure')).toBe(false);
    expect(shown.get('Camera')).toBe('unknown');
    // The rest shows at once: the file's answer is not waited for (nor asked without a client).
    const first = rows(renderToStaticMarkup(<PhotoMetadata photo={details({ cameraMake: 'Canon', cameraModel: 'Canon EOS 40D' })} />));
    expect(first.get('Camera')).toBe('Canon EOS 40D');
    expect(first.has('Exposure')).toBe(false);
  });

  it("asks photoShot for the shown photo and drops an answer that comes after another photo shows", async () => {
    const asked: string[] = [];
    const answers = new Map<string, (shot: PhotoShot | null) => void>();
    const client = {
      photoShot: (id: string) => {
        asked.push(id);
        return new Promise<PhotoShot | null>((resolve) => answers.set(id, resolve));
      },
    };
    const shown: [string, PhotoShot][] = [];
    const stopA = followPhotoShot(client, 'a', (shot) => shown.push(['a', shot]));
    // Photo b shows before a's file answered: a's answer is stale.
    stopA();
    followPhotoShot(client, 'b', (shot) => shown.push(['b', shot]));
    answers.get('b')!({ exposure: { iso: 100 } });
    answers.get('a')!({ lens: 'stale' });
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual(['a', 'b']);
    expect(shown).toEqual([['b', { exposure: { iso: 100 } }]]);
    // A photo gone since (null) or a failed call shows nothing, and throws nothing.
    followPhotoShot(client, 'c', (shot) => shown.push(['c', shot]));
    answers.get('c')!(null);
    followPhotoShot({ photoShot: () => Promise.reject(new Error('connection lost')) }, 'd', (shot) => shown.push(['d', shot]));
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toHaveLength(1);
  });

  it('offers "Add a description" alone; "none" only where the library is only viewed', () => {
    const editable = rows(renderToStaticMarkup(<PhotoMetadata photo={details({})} editDescription={async () => {}} />)).get('Description');
    expect(editable).toBe('Add a description');
    expect(rows(renderToStaticMarkup(<PhotoMetadata photo={details({})} />)).get('Description')).toBe('none');
  });
});

describe('whether the viewer opens with its details shown', () => {
  const store = (): SettingsStore & { map: Map<string, string> } => {
    const map = new Map<string, string>();
    return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
  };

  it('shows them in a wide window and hides them in a narrow one, at first', () => {
    expect(detailsShown(store(), 1280)).toBe(true);
    expect(detailsShown(store(), NARROW_WIDTH)).toBe(true);
    expect(detailsShown(store(), 700)).toBe(false);
    expect(detailsShown(null, 700)).toBe(false);
  });

  it("remembers the user's choice, apart for narrow and wide windows", () => {
    const s = store();
    rememberDetails(s, 700, true);
    expect(detailsShown(s, 700)).toBe(true);
    expect(detailsShown(s, 1280)).toBe(true);
    rememberDetails(s, 1280, false);
    expect(detailsShown(s, 1280)).toBe(false);
    expect(detailsShown(s, 700)).toBe(true);
    expect(s.map.get(DETAILS_KEY.wide)).toBe('hidden');
  });

  it('reads storage that fails or holds something else as the default', () => {
    const broken: SettingsStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(detailsShown(broken, 1280)).toBe(true);
    expect(() => rememberDetails(broken, 1280, false)).not.toThrow();
    const odd = store();
    odd.map.set(DETAILS_KEY.narrow, 'maybe');
    expect(detailsShown(odd, 700)).toBe(false);
  });
});
