// A favourite refused because another process started writing the library before the page
// knew it (`shoebox watch` of the same home, started while the viewer is open): the viewer
// says why in its red line, and the banner follows. Once the other writer stops, the banner
// goes (the engine looks every few seconds), and so does the red line: what it said is no
// longer so, and Favourite works again.
import { describe, expect, it } from 'vitest';
import { COLOURS, writeColourPhoto } from '../helpers/images';
import { startWatch } from './helpers/watch-process';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('a change refused while another process writes, in the viewer', () => {
  // `serve` lets the library go a second after its last write (the folder's indexing), so
  // that the watch can take it.
  const lib = useLibrarySession(
    'viewer-writer-refused',
    async (photos) => {
      for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    },
    { env: { SHOEBOX_HAND_BACK_MS: '1000' } },
  );
  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const banner = () => lib.page.getByRole('region', { name: /^Search and view only/ });

  it('clears the red line once the library can be written again', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(async () => (await tileNames(lib.page)).length, 60_000).toBe(4);
    const [shown] = await tileNames(lib.page);
    await lib.page.getByRole('button', { name: `Open ${shown}`, exact: true }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${shown}`);
    const heart = viewer().getByRole('button', { name: 'Favourite', exact: true });
    await eventually(() => heart.isDisabled()).toBe(false);

    // Another process takes the library (once `serve` has let it go after indexing).
    let watch: Awaited<ReturnType<typeof startWatch>> | undefined;
    const refused = viewer().getByRole('alert').filter({ hasText: /^library busy: / });
    try {
      // The page does not know yet: the click is refused by the engine, and said so. On a slow
      // machine the engine's own look at the lock (every few seconds) may tell the page first:
      // the heart then waits, disabled, and there is no refusal to see; the watch is stopped
      // and started again until the click comes first (a few tries).
      for (let tries = 1; ; tries++) {
        await eventually(async () => {
          watch ??= await startWatch(lib.home).catch(() => undefined);
          return watch !== undefined;
        }, 60_000).toBe(true);
        // A click that did not land (the heart disabled meanwhile, a machine too busy to click
        // within the second) is a try like the others: no refusal to wait for.
        if ((await banner().count()) === 0 && !(await heart.isDisabled()) && (await heart.click({ timeout: 1000 }).then(() => true, () => false))) {
          await eventually(async () => (await refused.count()) + (await banner().count()), 30_000).toBeGreaterThan(0);
          if ((await refused.count()) === 1) break;
        }
        if (tries === 4) throw new Error('the page learned of the other writer before each of 4 clicks');
        expect(await watch!.stop()).toBe(0);
        watch = undefined;
        await eventually(() => banner().count(), 45_000).toBe(0);
        await eventually(() => heart.isDisabled()).toBe(false);
      }
      expect(await refused.count()).toBe(1);
      expect(await refused.innerText()).toContain(`(pid ${watch!.child.pid})`);
      expect(await heart.getAttribute('aria-pressed')).toBe('false');
      // The page reads who writes: the banner, and the heart waits.
      await eventually(() => banner().isVisible()).toBe(true);
      await eventually(() => heart.isDisabled()).toBe(true);

      expect(await watch!.stop()).toBe(0);
      await eventually(() => banner().count(), 45_000).toBe(0);
      await eventually(() => heart.isDisabled()).toBe(false);
      // What the line said is no longer so: it goes with the banner.
      await eventually(() => refused.count(), 5_000).toBe(0);
      expect(await viewer().getByRole('alert').count()).toBe(0);
    } finally {
      await watch?.stop();
    }

    // And the click works now.
    await heart.click();
    await eventually(() => heart.getAttribute('aria-pressed')).toBe('true');
    await eventually(async () => ((await lib.serve.call('timeline', { favourite: true })) as { photos: unknown[] }).photos.length).toBe(1);
    expect(await viewer().getByRole('alert').count()).toBe(0);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
