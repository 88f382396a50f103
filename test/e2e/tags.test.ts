// Auto-tagging in the UI, end to end: `shoebox serve` with the tiny fixture model (its
// embeddings mean colours) over the e2e colour photos, driven in Debian's Chromium. A
// label set {red, green, blue} is made in the editor, the whole library tagged, the blue
// photos reviewed (one accepted, one rejected), the viewer shows the decisions, and the
// tag filter narrows a search. Screenshots: test-results/screenshots/tags-*.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelManager } from '../../src/core/models/model-manager';
import { tempDir } from '../helpers/images';
import { fixtureModelDir, REPO_ROOT, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';
import { tileNames } from './helpers/tiles';
import { writeLibraryPhotos } from './helpers/photos';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('auto-tagging in the browser', () => {
  let session: UiSession;
  let photos: string;
  let photoCount: number;
  let serve: ServeProcess;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const home = tempDir('shoebox-e2e-tags-home-');
    photos = tempDir('shoebox-e2e-tags-photos-');
    photoCount = (await writeLibraryPhotos(photos)).photos;
    // A byte-identical copy elsewhere: tags belong to the content, so it shares blue.jpg's.
    fs.mkdirSync(path.join(photos, 'copies'));
    fs.copyFileSync(path.join(photos, 'blue.jpg'), path.join(photos, 'copies', 'blue copy.jpg'));
    photoCount += 1;
    await new ModelManager({ home }).import(fixtureModelDir(TINY_IMMICH), { id: 'tiny' });
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve', '--no-watch'], { viewport: { width: 1280, height: 860 } });
    ({ serve, page, errors } = session);
    await page.goto(serve.url);
    await page.getByLabel('Folder to add').fill(photos);
    await page.getByRole('button', { name: 'Add folder' }).click();
    await page.getByText(/^Indexed: /).waitFor({ timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('creates a label set in the editor; a bad one is refused in one line', async () => {
    const section = page.getByRole('region', { name: 'Label sets' });
    await section.getByRole('button', { name: 'New label set' }).click();
    await eventually(() => page.getByRole('heading', { name: 'New label set' }).isVisible()).toBe(true);
    await page.getByLabel('Name', { exact: true }).fill('colours');
    await page.getByLabel('Label 1', { exact: true }).fill('red');
    await page.getByRole('button', { name: 'Remove label 2' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    const error = page.getByRole('alert');
    await eventually(() => error.innerText()).toMatch(/needs at least two labels/);
    expect(await error.innerText()).not.toContain('\n');

    await page.getByRole('button', { name: '+ Add label' }).click();
    await page.getByLabel('Label 2', { exact: true }).fill('green');
    await page.getByRole('button', { name: '+ Add label' }).click();
    // A label typed twice is said so in plain words, next to the field, and goes once fixed.
    await page.getByLabel('Label 3', { exact: true }).fill('red');
    await page.getByRole('button', { name: 'Save' }).click();
    const label3 = page.getByLabel('Label 3', { exact: true });
    await eventually(() => label3.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await label3.getAttribute('aria-describedby')}`).innerText()).toBe('“red” is listed twice.');
    expect(await page.getByRole('alert').allInnerTexts()).toEqual(['“red” is listed twice.']);
    await screenshot(page, 'tags-00-label-repeated');
    await page.getByLabel('Label 3', { exact: true }).fill('blue');
    await eventually(() => page.getByRole('alert').count()).toBe(0);
    await page.getByLabel('Extra prompts for label 3').fill('a deep blue picture');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Label set “colours”' }).isVisible()).toBe(true);
    await eventually(() => section.getByRole('button', { name: 'Edit label set colours' }).innerText()).toContain('3 labels');
    // What was saved is what the editor shows again.
    expect(await page.getByLabel('Label 3', { exact: true }).inputValue()).toBe('blue');
    expect(await page.getByLabel('Extra prompts for label 3').inputValue()).toBe('a deep blue picture');
  });

  it('tags the whole library as a job and shows its result', async () => {
    await page.getByRole('button', { name: 'Tag folder…' }).click();
    await page.getByLabel('Folder to tag').selectOption({ label: 'Whole library' });
    await page.getByRole('button', { name: 'Start tagging' }).click();
    const done = page.getByText(/^Done: tagged \d+ of \d+ photos with colours\.$/);
    await eventually(() => done.isVisible(), 60_000).toBe(true);
    expect(await done.innerText()).toContain(`of ${photoCount} photos`);
    const panel = page.getByRole('region', { name: 'Tag photos' });
    await eventually(() => panel.getByRole('listitem').first().innerText()).toContain('Whole library');
    await screenshot(page, 'tags-01-editor');
  });

  it('reviews the blue tags: the blue photos carry them; accept one, reject another', async () => {
    await page.getByRole('button', { name: 'Review tags', exact: true }).click();
    await eventually(() => page.getByRole('heading', { name: 'Review “colours”' }).isVisible()).toBe(true);
    // Across all labels a card is a tag (a photo may carry several): the count says tags.
    const count = page.locator('.tag-review__bar [role="status"]');
    await eventually(() => count.innerText()).toMatch(/^\d+ tags$/);
    await page.getByLabel('Label', { exact: true }).selectOption('blue');
    const cards = page.getByRole('list', { name: 'Tagged photos' }).getByRole('listitem');
    const names = async () => (await cards.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).map(nameOf).sort();
    await eventually(names).toEqual(['blue again.jpg', 'blue copy.jpg', 'blue.jpg']);
    // With a label chosen the unit stays tags: its own (one a photo).
    await eventually(() => count.innerText()).toBe('3 “blue” tags');
    await waitForImages(page, '.review-card__thumb');
    await screenshot(page, 'tags-02-review');

    // The copy has the same content, so the same tag: deciding one decides both cards. The
    // keyboard way: a on the focused photo, and the focus goes on to the photo left, though
    // the card it first moved to (the copy) leaves too.
    const order = (await cards.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).map(nameOf);
    await cards.nth(order.indexOf('blue.jpg')).focus();
    await page.keyboard.press('a');
    await eventually(names).toEqual(['blue again.jpg']);
    await eventually(() => count.innerText()).toBe('1 “blue” tag');
    await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('review-card') ?? false)).toBe(true);
    await page.keyboard.press('r');
    await eventually(() => cards.count()).toBe(0);

    await page.getByRole('tab', { name: 'Accepted' }).click();
    await eventually(names).toEqual(['blue copy.jpg', 'blue.jpg']);
    await page.getByRole('tab', { name: 'Rejected' }).click();
    await eventually(async () => (await cards.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).map(nameOf)).toEqual(['blue again.jpg']);
    await waitForImages(page, '.review-card__thumb');
    await screenshot(page, 'tags-03-review-rejected');
    // The whole list to review, in the dark theme (theme toggle: system -> light -> dark).
    await page.getByRole('tab', { name: 'To review' }).click();
    await page.getByLabel('Label', { exact: true }).selectOption('');
    await eventually(() => cards.count()).toBeGreaterThan(2);
    await page.getByRole('button', { name: 'Theme: system' }).click();
    await page.getByRole('button', { name: 'Theme: light' }).click();
    await eventually(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await waitForImages(page, '.review-card__thumb');
    await screenshot(page, 'tags-03b-review-dark');
    await page.getByRole('button', { name: 'Theme: dark' }).click();
    await page.getByRole('button', { name: 'Theme: system' }).waitFor();
  });

  it('the viewer shows the accepted tag, and the rejected one only as rejected (with undo)', async () => {
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^All photos/ }).click();
    // Open it from the timeline once it is on screen (not from the search results it replaces).
    const timeline = page.getByRole('region', { name: 'Photos' });
    await eventually(() => timeline.getByRole('button', { name: 'Open blue.jpg' }).isVisible()).toBe(true);
    await timeline.getByRole('button', { name: 'Open blue.jpg' }).click();
    const viewer = page.getByRole('dialog', { name: /Photo viewer/ });
    const tags = viewer.getByRole('list', { name: 'Tags of this photo' });
    await eventually(() => viewer.getByRole('heading', { level: 2 }).innerText()).toBe('blue.jpg');
    await eventually(() => tags.getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/^blue\s+colours · accepted/)]);
    await eventually(() => viewer.locator('img.viewer__image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    await screenshot(page, 'tags-04-viewer');

    await page.keyboard.press('ArrowLeft');
    await eventually(() => viewer.getByRole('heading', { level: 2 }).innerText()).toBe('blue again.jpg');
    await eventually(() => viewer.getByText('Rejected:').isVisible()).toBe(true);
    expect(await tags.count()).toBe(0);
    // Undo brings it back as an automatic tag; rejecting it here puts it away again.
    await viewer.getByRole('button', { name: 'Undo rejecting tag blue' }).click();
    await eventually(() => tags.getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/^blue\s+colours · \d+%/)]);
    await viewer.getByRole('button', { name: 'Reject tag blue' }).click();
    await eventually(() => viewer.getByText('Rejected:').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('the tag filter narrows search results to photos carrying the tag', async () => {
    await page.getByRole('searchbox').fill('blue');
    await eventually(() => page.getByRole('heading', { name: 'Results for “blue”' }).isVisible()).toBe(true);
    await eventually(async () => (await tileNames(page)).slice(0, 3).sort()).toEqual(['blue again.jpg', 'blue copy.jpg', 'blue.jpg']);
    const filters = page.getByRole('group', { name: 'Filters' });
    // A choice among the tags photos carry (from the tag counts), never half-typed text.
    const tag = filters.getByLabel('Tag', { exact: true });
    expect(await tag.evaluate((el) => el.tagName)).toBe('SELECT');
    await eventually(() => tag.locator('option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value))).toEqual(expect.arrayContaining(['', 'red', 'green', 'blue']));
    expect(await tag.locator('option[value="blue"]').innerText()).toMatch(/^blue \(\d+ photos?\)$/);
    await tag.selectOption('blue');
    await eventually(async () => (await tileNames(page)).sort()).toEqual(['blue copy.jpg', 'blue.jpg']);
    expect(await page.getByRole('alert').count()).toBe(0);
    await waitForImages(page, '.tile__open img');
    await screenshot(page, 'tags-05-tag-filter');
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await eventually(async () => (await tileNames(page)).includes('blue again.jpg')).toBe(true);
  });

  it('imports a set from JSON, exports it as it was saved, and deletes it after a confirm', async () => {
    const file = path.join(tempDir('shoebox-e2e-labels-'), 'seasons.json');
    const set = { name: 'seasons', labels: ['summer', { name: 'winter', prompts: ['snow on the ground'] }], threshold: 0.4, margin: 0.1 };
    fs.writeFileSync(file, JSON.stringify(set));
    await page.getByRole('region', { name: 'Label sets' }).getByRole('button', { name: 'New label set' }).click();
    await page.getByTestId('label-set-import').setInputFiles(file);
    await eventually(() => page.getByRole('status').filter({ hasText: 'Imported seasons.json' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('seasons');
    expect(await page.getByLabel('Extra prompts for label 2').inputValue()).toBe('snow on the ground');
    expect(await page.getByLabel('Threshold').inputValue()).toBe('0.4');
    await screenshot(page, 'tags-06-imported');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Label set “seasons”' }).isVisible()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('seasons.json');
    expect(JSON.parse(fs.readFileSync(await download.path(), 'utf8'))).toEqual(set);

    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('alertdialog', { name: 'Confirm deletion' }).getByRole('button', { name: 'Delete', exact: true }).click();
    const section = page.getByRole('region', { name: 'Label sets' });
    await eventually(() => section.getByRole('button', { name: 'Edit label set seasons' }).count()).toBe(0);
    expect(await section.getByRole('button', { name: 'Edit label set colours' }).count()).toBe(1);
  });

  it('starts a new set from one that ships with Shoebox', async () => {
    const shipped = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'resources', 'label-sets', 'animals.json'), 'utf8')) as { labels: (string | { name: string })[] };
    await page.getByRole('region', { name: 'Label sets' }).getByRole('button', { name: 'New label set' }).click();
    await page.getByRole('button', { name: 'animals', exact: true }).click();
    await eventually(() => page.getByRole('status').filter({ hasText: 'Filled in from the set “animals”' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('animals');
    const first = shipped.labels[0]!;
    expect(await page.getByLabel('Label 1', { exact: true }).inputValue()).toBe(typeof first === 'string' ? first : first.name);
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Label set “animals”' }).isVisible()).toBe(true);
    // The sidebar's list follows the save's event: it may come a moment after the heading.
    await eventually(() => page.getByRole('region', { name: 'Label sets' }).getByRole('button', { name: 'Edit label set animals' }).count()).toBe(1);
  });

  it('raised no console errors', () => {
    expect(errors).toEqual([]);
  });
});

/** The photo's name from a review card's label ("blue.jpg: blue, 97% confident"). */
function nameOf(label: string | null): string {
  return (label ?? '').replace(/: .*$/, '');
}

async function waitForImages(page: Page, selector: string): Promise<void> {
  await eventually(() => page.locator(selector).evaluateAll((imgs) => imgs.slice(0, 24).every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))).toBe(true);
}
