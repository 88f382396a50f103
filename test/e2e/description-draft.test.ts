// The viewer's description editor over `shoebox serve` (a day-two walk): words typed and not
// saved were thrown away without a word when the viewer stepped to the next photo (›, ‹) or
// closed. The draft is kept: back on that photo the editor shows it again, said not saved yet,
// for Save or Cancel. Ctrl+Enter saves (Enter is a new line in the text), as the hint says;
// Esc cancels the edit only (the viewer stays).
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)("the viewer's description keeps its draft", () => {
  const lib = useLibrarySession('description-draft', async (photos) => {
    await writeExifColourPhoto(photos, 'cake.jpg', [220, 20, 20], { taken: '2024:06:15 18:00:00' });
    await writeExifColourPhoto(photos, 'garden.jpg', [20, 200, 30], { taken: '2024:06:14 12:00:00' });
  });

  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const row = () => viewer().locator('.metadata__row', { has: lib.page.getByText('Description', { exact: true }) }).locator('dd');
  const field = () => row().getByLabel('Description', { exact: true });
  const described = async (name: string) => {
    const page = (await lib.serve.call('listPhotos')) as { photos: { id: string; path: string }[] };
    const id = page.photos.find((p) => p.path.endsWith(`/${name}`))!.id;
    return ((await lib.serve.call('getPhoto', id)) as { description?: string }).description ?? null;
  };

  it('› and ‹ keep the words typed: the editor shows them again, not saved yet', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(['cake.jpg', 'garden.jpg']);
    await lib.page.getByRole('button', { name: 'Open cake.jpg', exact: true }).click();
    await eventually(() => row().innerText()).toBe('Add a description');
    await row().getByRole('button', { name: 'Add a description' }).click();
    await field().fill("Grandma's 80th");
    await viewer().getByRole('button', { name: 'Next photo' }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: garden.jpg');
    await eventually(() => row().innerText()).toBe('Add a description');
    await viewer().getByRole('button', { name: 'Previous photo' }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: cake.jpg');
    await eventually(() => field().inputValue()).toBe("Grandma's 80th");
    expect(await row().getByRole('status').innerText()).toContain('Not saved yet');
    expect(await described('cake.jpg')).toBeNull();
  });

  it('Ctrl+Enter saves, as the editor says; Enter alone is a new line', async () => {
    expect(await row().innerText()).toContain('Ctrl+Enter saves.');
    await field().press('End');
    await field().press('Enter');
    await field().pressSequentially('in the garden');
    await field().press('Control+Enter');
    await eventually(() => row().getByRole('button', { name: 'Edit description' }).isVisible()).toBe(true);
    expect(await described('cake.jpg')).toBe("Grandma's 80th\nin the garden");
  });

  it('closing the viewer keeps the draft too; Cancel drops it, Esc cancels the edit and not the viewer', async () => {
    await row().getByRole('button', { name: 'Edit description' }).click();
    await field().fill('Half-written');
    await viewer().getByRole('button', { name: 'Close viewer' }).click();
    await eventually(() => viewer().count()).toBe(0);
    await lib.page.getByRole('button', { name: 'Open cake.jpg', exact: true }).click();
    await eventually(() => field().inputValue()).toBe('Half-written');
    await row().getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => row().getByRole('button', { name: 'Edit description' }).isVisible()).toBe(true);
    await viewer().getByRole('button', { name: 'Next photo' }).click();
    await viewer().getByRole('button', { name: 'Previous photo' }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: cake.jpg');
    await eventually(() => row().getByRole('button', { name: 'Edit description' }).isVisible()).toBe(true);
    expect(await field().count()).toBe(0);
    // Esc in the field: the edit goes, the viewer stays.
    await row().getByRole('button', { name: 'Edit description' }).click();
    await field().fill('Not this');
    await field().press('Escape');
    await eventually(() => field().count()).toBe(0);
    expect(await viewer().count()).toBe(1);
    expect(await described('cake.jpg')).toBe("Grandma's 80th\nin the garden");
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
