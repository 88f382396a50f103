// The Places notes' buttons ("Show them to fix their place" for photos far from any town, "Show
// them to add places" for those without a position) move the keyboard focus as a town's card
// does: onto the view's heading going in, back onto the button coming out, by "‹ All places"
// or the browser's Back (it fell to <body>, and "‹ All places" gave it to the Places heading).
import { describe, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('focus through the Places notes', () => {
  const lib = useLibrarySession('places-notes-focus', async (photos) => {
    // Mid-Atlantic: a position, but no town within 50 km.
    await writeExifColourPhoto(photos, 'at-sea.jpg', [30, 60, 160], { taken: '2019:05:01 12:00:00', gps: { lat: 30, lon: -40 } });
    await writeColourPhoto(photos, 'nowhere.jpg', [200, 40, 40]);
  });
  const page = () => lib.page;
  /** The focused element's tag and text; BODY when the focus fell to the page. */
  const focused = () =>
    page().evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'BODY';
      return `${el.tagName} ${el.innerText.trim()}`;
    });
  const placesPage = () => page().getByRole('region', { name: 'Places', exact: true });

  async function enter(button: string, heading: string): Promise<void> {
    await placesPage().getByRole('button', { name: button }).focus();
    await page().keyboard.press('Enter');
    await eventually(focused).toBe(`H1 ${heading}`);
  }

  for (const [button, heading] of [
    ['Show them to fix their place', 'Far from any town'],
    ['Show them to add places', 'Without a place'],
  ] as const) {
    it(`"${button}": the heading going in, the button again out`, async () => {
      await page().goto(lib.serve.url);
      await page().getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Places/ }).click();
      await eventually(() => placesPage().getByRole('button', { name: button }).isVisible(), 60_000).toBe(true);

      await enter(button, heading);
      await page().getByRole('button', { name: '‹ All places' }).focus();
      await page().keyboard.press('Enter');
      await eventually(focused).toBe(`BUTTON ${button}`);

      await enter(button, heading);
      await page().goBack();
      await eventually(focused).toBe(`BUTTON ${button}`);
    });
  }
});
