// PageDown / PageUp / Home / End in the photo grid, in the browser over `shoebox serve` (a
// walker's finding): Skip to photos → Enter → PageDown ×2: the first scrolled the focused tile
// out of view, the second left the focus on the region "Photos", and → then did nothing; End
// the same; Home on a tile did nothing. Now they move the focus from tile to tile (Home / End:
// the first / last photo of the list, its page loaded as the grid gets there; PageUp /
// PageDown: about a screen of rows), and the tile with the focus is in view.
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { focusedName, skipToPhotos } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** More than a page (200) of photos, ten a day, newest first: p000 ... p229. */
const COUNT = 230;
const name = (i: number) => `p${String(i).padStart(3, '0')}.jpg`;

describe.skipIf(!hasChromium)('grid PageDown / PageUp / Home / End', () => {
  const lib = useLibrarySession(
    'grid-page-keys',
    async (photos) => {
      for (let i = 0; i < COUNT; i++) {
        const day = 28 - Math.floor(i / 10);
        await writeExifColourPhoto(photos, name(i), [(i * 37) % 200, (i * 53) % 200, 90], { taken: `2024:0${day > 0 ? 3 : 2}:${String(day > 0 ? day : day + 29).padStart(2, '0')} 20:${String(59 - (i % 10)).padStart(2, '0')}:00` });
      }
    },
    { viewport: { width: 1280, height: 600 } },
  );

  const grid = () => lib.page.getByRole('region', { name: 'Photos' });
  /** The index of the tile whose button has the focus (null: the focus is not on a tile). */
  const focusedIndex = () => lib.page.evaluate(() => document.activeElement?.closest('.tile')?.getAttribute('data-index') ?? null).then((i) => (i === null ? null : Number(i)));
  /** Whether the focused tile is inside the grid's visible box. */
  const inView = () =>
    lib.page.evaluate(() => {
      const tile = document.activeElement?.closest('.tile')?.getBoundingClientRect();
      const box = document.activeElement?.closest('.grid')?.getBoundingClientRect();
      return !!tile && !!box && tile.top >= box.top - 1 && tile.bottom <= box.bottom + 1;
    });
  /** Presses `key`; waits until the focus is on a tile other than `from`, in view; its index. */
  const press = async (key: string, from: number | null): Promise<number> => {
    await lib.page.keyboard.press(key);
    await eventually(async () => {
      const at = await focusedIndex();
      return at !== null && at !== from && (await inView());
    }).toBe(true);
    return (await focusedIndex())!;
  };

  it('PageDown moves the focus a screen of tiles down, onto a tile in view; → goes on from it', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => lib.page.locator('.result-header').innerText(), 120_000).toContain(`${COUNT} photos`);
    await skipToPhotos(lib.page, name(0));
    const first = await press('PageDown', 0);
    expect(first).toBeGreaterThan(0);
    const second = await press('PageDown', first);
    expect(second).toBeGreaterThan(first);
    expect(await grid().evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await press('ArrowRight', second);
    expect(await focusedName(lib.page)).toBe(`Open ${name(second + 1)}`);
    const back = await press('PageUp', second + 1);
    expect(back).toBeLessThan(second + 1);
  });

  it('End goes to the last photo (its page loaded on the way), Home to the first; with ctrl too', async () => {
    await press('End', null);
    await eventually(() => focusedName(lib.page), 30_000).toBe(`Open ${name(COUNT - 1)}`);
    await press('Home', COUNT - 1);
    expect(await focusedName(lib.page)).toBe(`Open ${name(0)}`);
    await eventually(() => grid().evaluate((el) => el.scrollTop)).toBe(0);
    await press('Control+End', 0);
    await eventually(() => focusedName(lib.page), 30_000).toBe(`Open ${name(COUNT - 1)}`);
    await press('Control+Home', COUNT - 1);
    expect(await focusedName(lib.page)).toBe(`Open ${name(0)}`);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
