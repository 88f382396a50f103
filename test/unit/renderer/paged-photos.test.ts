import { describe, expect, it, vi } from 'vitest';
import type { Photo } from '../../../src/shared/api';
import { PAGE_SIZE, PagedPhotos, type FetchedPage } from '../../../src/renderer/lib/paged-photos';

const photo = (i: number): Photo => ({ id: `id${i}`, path: `/p/${i}.jpg`, folder: '/p', width: 1, height: 1, takenAt: null });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function listing(total: number) {
  return vi.fn(async (offset: number, limit: number): Promise<FetchedPage> => {
    const photos = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => photo(offset + i));
    return { photos, total, hasMore: offset + photos.length < total };
  });
}

function results(total: number) {
  return vi.fn(async (offset: number, limit: number): Promise<FetchedPage> => {
    const photos = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => photo(offset + i));
    return { photos, hasMore: photos.length === limit };
  });
}

describe('paged photos', () => {
  it('fetches only the pages in view of a 100k listing, once each', async () => {
    const fetch = listing(100_000);
    const source = new PagedPhotos(fetch, () => {});
    source.request(0, 1);
    await flush();
    expect(source.count).toBe(100_000);
    source.request(50_000, 50_060);
    source.request(50_010, 50_070);
    await flush();
    expect(fetch.mock.calls.map(([offset]) => offset)).toEqual([0, Math.floor(50_000 / PAGE_SIZE) * PAGE_SIZE]);
    expect(source.get(50_001)?.id).toBe('id50001');
    expect(source.get(70_000)).toBeUndefined();
  });

  it('grows search results page by page as the user nears the end', async () => {
    const fetch = results(450);
    const source = new PagedPhotos(fetch, () => {});
    source.request(0, 1);
    await flush();
    expect(source.count).toBe(PAGE_SIZE);
    source.request(150, PAGE_SIZE);
    await flush();
    expect(source.count).toBe(2 * PAGE_SIZE);
    source.request(350, 400);
    await flush();
    expect(source.count).toBe(450);
    source.request(440, 450);
    await flush();
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('knows its count is only what is loaded ("200+") until a short page ends the results', async () => {
    const source = new PagedPhotos(results(342), () => {});
    expect(source.complete).toBe(false);
    source.request(0, 1);
    await flush();
    expect([source.count, source.complete]).toEqual([PAGE_SIZE, false]);
    source.request(150, PAGE_SIZE);
    await flush();
    expect([source.count, source.complete]).toEqual([342, true]);
    const listed = new PagedPhotos(listing(342), () => {});
    listed.request(0, 1);
    await flush();
    expect([listed.count, listed.complete]).toEqual([342, true]);
  });

  it('shows the previous photos until a refreshed listing arrives', async () => {
    const old = new PagedPhotos(listing(10), () => {});
    old.request(0, 10);
    await flush();
    let answer!: (page: FetchedPage) => void;
    const refreshed = new PagedPhotos(() => new Promise((resolve) => (answer = resolve)), () => {}, old);
    refreshed.request(0, 10);
    expect(refreshed.count).toBe(10);
    expect(refreshed.get(3)?.id).toBe('id3');
    answer({ photos: [photo(100)], total: 1, hasMore: false });
    await flush();
    expect(refreshed.count).toBe(1);
    expect(refreshed.get(3)).toBeUndefined();
  });

  it('keeps the error of a failed fetch, and stops fetching once disposed', async () => {
    const failing = new PagedPhotos(async () => Promise.reject(new Error('no model')), () => {});
    failing.request(0, 1);
    await flush();
    expect(failing.error).toBe('no model');
    const fetch = listing(10);
    const disposed = new PagedPhotos(fetch, () => {});
    disposed.dispose();
    disposed.request(0, 10);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('paged photos under a fast fling', () => {
  it('fetches two pages at a time and skips the ones scrolled past, so the resting page comes next', async () => {
    const answers: (() => void)[] = [];
    const offsets: number[] = [];
    const fetch = (offset: number, limit: number) =>
      new Promise<FetchedPage>((resolve) => {
        offsets.push(offset);
        answers.push(() => resolve({ photos: Array.from({ length: limit }, (_, i) => photo(offset + i)), total: 100_000, hasMore: true }));
      });
    const source = new PagedPhotos(fetch, () => {});
    source.request(0, 60);
    answers.shift()!(); // the first page tells the total
    await flush();
    for (let index = 2_000; index < 100_000; index += 2_000) source.request(index, index + 60);
    source.request(99_900, 99_960);
    expect(offsets).toHaveLength(3); // page 0, then the first two of the fling, nothing else yet
    answers.shift()!();
    await flush();
    expect(offsets.at(-1)).toBe(Math.floor(99_900 / PAGE_SIZE) * PAGE_SIZE);
    answers.shift()!();
    answers.shift()!();
    await flush();
    expect(offsets).toHaveLength(4);
    expect(source.get(99_950)?.id).toBe('id99950');
  });
});

describe('paged photos asked for far down before the first page has answered', () => {
  it('fetches the far page once the first has told the total (a list refreshed under a viewer or a grid scrolled down)', async () => {
    let answerFirst!: () => void;
    const offsets: number[] = [];
    const all = listing(5_000);
    const fetch = (offset: number, limit: number) => {
      offsets.push(offset);
      if (offset > 0) return all(offset, limit);
      return new Promise<FetchedPage>((resolve) => (answerFirst = () => void all(offset, limit).then(resolve)));
    };
    let changes = 0;
    const source = new PagedPhotos(fetch, () => changes++);
    // A commit's effects, children first: the viewer's pages, the grid's, then the list's first page.
    source.request(1_699, 1_702);
    source.request(1_400, 2_000);
    source.start();
    expect(offsets).toEqual([0]);
    answerFirst();
    await flush();
    await flush();
    expect([...offsets].sort((a, b) => a - b)).toEqual([0, 1_400, 1_600, 1_800]);
    expect(source.get(1_700)?.id).toBe('id1700');
    expect(changes).toBe(4);
  });
});

describe('paged photos read page by page for a photo looked for by id', () => {
  it('reads a page outside the queue, quietly, and says when the list has no such page', async () => {
    const fetch = listing(1_000);
    let changes = 0;
    const source = new PagedPhotos(fetch, () => changes++);
    source.request(0, 1);
    await flush();
    expect(changes).toBe(1);
    expect(await source.readPage(3)).toBe(true);
    expect(source.indexOf('id700')).toBe(700);
    expect(changes).toBe(1); // nothing to draw: the grid is not there
    expect(await source.readPage(3)).toBe(true);
    expect(await source.readPage(5)).toBe(false);
    expect(fetch.mock.calls.map(([offset]) => offset)).toEqual([0, 600]);
  });

  it('leaves the pages the grid wants as they are, and a page it asks for while being read is fetched once', async () => {
    const answers = new Map<number, () => void>();
    const offsets: number[] = [];
    const all = listing(100_000);
    const fetch = (offset: number, limit: number) => {
      offsets.push(offset);
      return new Promise<FetchedPage>((resolve) => answers.set(offset, () => void all(offset, limit).then(resolve)));
    };
    let changes = 0;
    const source = new PagedPhotos(fetch, () => changes++);
    source.request(0, 1);
    answers.get(0)!();
    await flush();
    await flush();
    const read = source.readPage(10);
    source.request(2_000, 2_060); // the grid scrolled to page 10, being read
    source.request(2_400, 2_460); // and on to page 12: its own fetch
    expect(offsets).toEqual([0, 2_000, 2_400]);
    answers.get(2_000)!();
    expect(await read).toBe(true);
    expect(changes).toBe(2); // the grid waited for page 10: told
    expect(source.get(2_001)?.id).toBe('id2001');
  });

  it('reads search results past the pages loaded: the count grows to them', async () => {
    const source = new PagedPhotos(results(1_500), () => {});
    source.request(0, 1);
    await flush();
    expect(source.count).toBe(PAGE_SIZE);
    expect(await source.readPage(4)).toBe(true);
    expect(source.count).toBe(5 * PAGE_SIZE);
    expect(source.get(950)?.id).toBe('id950');
    expect(await source.readPage(7)).toBe(true);
    expect([source.count, source.complete]).toEqual([1_500, true]);
    expect(await source.readPage(8)).toBe(false);
  });
});
