// #/place/Narnia in the browser over `shoebox serve`: a name that is no town or country anywhere
// is the core's refusal (the timeline's, as search's --place and `shoebox places Narnia` say
// it), shown where the place's photos would be, not "No photos taken in Narnia (any more).".
// A real town without photos still says that.
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('a place that is no place, in the browser', () => {
  const lib = useLibrarySession('place-unknown', async (photos) => {
    await writeExifColourPhoto(photos, 'arezzo.jpg', [220, 20, 20], { taken: '2024:03:06 18:00:00', gps: { lat: 43.4633, lon: 11.8797 } });
  });
  const alert = () => lib.page.getByRole('alert');

  it("shows the engine's refusal for #/place/Narnia, and the empty place's line for a real town", async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(['arezzo.jpg']);
    await lib.page.goto(`${lib.serve.url}#/place/Narnia`);
    await eventually(() => alert().allInnerTexts(), 30_000).toEqual(['No town or country is called "Narnia"']);
    expect(await lib.page.getByText('No photos taken in Narnia').count()).toBe(0);
    await lib.page.goto(`${lib.serve.url}#/place/Florence`);
    await eventually(() => lib.page.getByText('No photos taken in Florence (any more).').count(), 30_000).toBe(1);
    expect(await alert().count()).toBe(0);
  });
});
