// A finished run's summary under its folder ("Indexed: 30 new photos, 1 could not be read ·
// 35 photos/s"): news about that run, that says what is still so and goes once it is old news.
// Its "could not be read" follows the folder's own count once the folder has been read since
// the run (a file fixed or deleted since is not counted); the summary goes a couple of minutes
// after the run, or once the watcher has indexed changes since.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FolderInfo, JobState } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { DONE_SUMMARY_MS, FolderRow } from '../../../src/renderer/components/FolderRow';

const client = { transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {} } as unknown as ShoeboxClient;
const FOLDER: FolderInfo = { path: '/photos', addedAt: 0, photos: 30, failed: 1 };

function done(finishedAt: number, failed = 1): JobState {
  return {
    id: 'job-1',
    kind: 'index',
    folder: '/photos',
    state: 'done',
    progress: { done: 31, total: 31, rate: 35, etaSeconds: 0 },
    result: { added: 30, updated: 0, removed: 0, embedded: 30, failed },
    error: null,
    queuedAt: finishedAt - 1000,
    startedAt: finishedAt - 900,
    finishedAt,
  };
}

const render = (folder: FolderInfo, job: JobState, props: { syncedAt?: number; folderAt?: number } = {}) =>
  renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <FolderRow folder={folder} job={job} selected={false} onSelect={() => {}} {...props} />
    </ClientContext.Provider>,
  ).replace(/<[^>]+>/g, '');

describe("a finished run's summary under its folder", () => {
  it('says the run and its files that could not be read, just after it', () => {
    const now = Date.now();
    expect(render(FOLDER, done(now), { folderAt: now + 300 })).toContain('Indexed: 30 new photos, 1 could not be read · 35 photos/s');
    // The folder not read since the run: the run's own count, not the folder's older one.
    expect(render({ ...FOLDER, failed: 0 }, done(now), { folderAt: now - 5000 })).toContain('Indexed: 30 new photos, 1 could not be read');
  });

  it('counts only the files that still cannot be read', () => {
    const now = Date.now();
    const html = render({ ...FOLDER, failed: 0 }, done(now - 10_000), { folderAt: now });
    expect(html).toContain('Indexed: 30 new photos · 35 photos/s');
    expect(html).not.toContain('could not be read');
    expect(render({ ...FOLDER, failed: 2 }, done(now - 10_000, 3), { folderAt: now })).toContain('Indexed: 30 new photos, 2 could not be read');
  });

  it('goes a couple of minutes after the run, and once the watcher indexed changes since', () => {
    const now = Date.now();
    expect(render(FOLDER, done(now - DONE_SUMMARY_MS + 10_000))).toContain('Indexed:');
    expect(render(FOLDER, done(now - DONE_SUMMARY_MS - 1000))).not.toContain('Indexed:');
    expect(render(FOLDER, done(now - 60_000), { syncedAt: now - 1000 })).not.toContain('Indexed:');
    expect(render(FOLDER, done(now - 5000), { syncedAt: now - 10_000 })).toContain('Indexed:');
    // The catch-up that starts as the run ends (retrying its unreadable files) does not take it away.
    expect(render(FOLDER, done(now - 5000), { syncedAt: now - 4000 })).toContain('Indexed:');
    // The folder's own line stays, current.
    expect(render(FOLDER, done(now - DONE_SUMMARY_MS - 1000))).toContain('1 file could not be read');
    expect(DONE_SUMMARY_MS).toBeGreaterThanOrEqual(60_000);
  });

  it('after a model switch, says the photos were embedded for the model in use, not that they are new', () => {
    const now = Date.now();
    const job = done(now, 0);
    const switched = (added: number): JobState => ({ ...job, result: { ...job.result!, added, newToModel: 30 } });
    expect(render({ ...FOLDER, failed: 0 }, switched(0), { folderAt: now + 300 })).toContain('Indexed: 30 photos embedded for the model in use · 35 photos/s');
    expect(render({ ...FOLDER, failed: 0 }, switched(2), { folderAt: now + 300 })).toContain('Indexed: 2 new photos, 30 photos embedded for the model in use');
  });

  it('a failed run stays said until another run', () => {
    const failed: JobState = { ...done(Date.now() - DONE_SUMMARY_MS * 10), state: 'failed', result: null, error: 'disk gone' };
    expect(render(FOLDER, failed, { syncedAt: Date.now() })).toContain('Indexing failed: disk gone');
  });
});
