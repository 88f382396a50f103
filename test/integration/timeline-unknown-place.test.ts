// The timeline of a place that is no town or country anywhere ("Narnia": a typo or a guess) is
// refused by the core, as search's and an album's place filter refuse it, so every front end
// says the same: the app's #/place/Narnia shows the refusal instead of "No photos taken in
// Narnia", and `shoebox places Narnia` exits 2 with it. A real town without photos is no error.
import { beforeAll, describe, expect, it } from 'vitest';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();
const HINT = '(shoebox places lists the places of your photos)';
let photos: string;

beforeAll(async () => {
  photos = tempDir('shoebox-timeline-unknown-place-');
  await writeColourPhoto(photos, 'red.jpg', [220, 20, 20]);
});

/** What the promise was refused with: its name and message. */
async function refusal(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error, 'refused').not.toBeNull();
  return { name: error!.name, message: error!.message };
}

describe('the timeline of a place', () => {
  it('refuses a name that is no town or country, as a QueryError naming no option; a real town without photos is empty', async () => {
    const { host, events } = await openHost();
    expect((await jobFinished(events, await host.addFolder(photos))).state).toBe('done');
    const narnia = { name: 'QueryError', message: `no town or country is called "Narnia" ${HINT}` };
    expect(await refusal(host.timeline({ place: 'Narnia' }))).toEqual(narnia);
    expect(await refusal(host.timelineSummary({ place: 'Narnia' }))).toEqual(narnia);
    expect(await refusal(host.timeline({ place: 'Arezzo, Narnia' }))).toEqual({ name: 'QueryError', message: `no country is called "Narnia" ${HINT}` });
    // Search words the same refusal with its option's name.
    expect((await refusal(host.search('red', { filters: { place: 'Narnia' } }))).message).toBe(`--place: ${narnia.message}`);
    expect(await host.timeline({ place: 'Florence' })).toMatchObject({ total: 0, photos: [] });
    expect(await host.timelineSummary({ place: 'italy' })).toMatchObject({ total: 0, days: [] });
  });
});
