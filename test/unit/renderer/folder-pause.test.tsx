// Pause and Resume on a folder row: offered while the folder is indexed (its job, or the
// watcher's catch-up), never to a viewer without a model; a paused folder says so and offers
// Resume; the job the pause stopped is not shown as news, a job since is.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FolderInfo, JobState } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { FolderRow } from '../../../src/renderer/components/FolderRow';
import { ViewingOnlyContext } from '../../../src/renderer/hooks/useViewingOnly';

const client = { transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {} } as unknown as ShoeboxClient;
const FOLDER: FolderInfo = { path: '/photos', addedAt: 0, photos: 12, failed: 0 };
const PAUSED: FolderInfo = { ...FOLDER, paused: true };

function job(state: JobState['state'], extra: Partial<JobState> = {}): JobState {
  return { id: 'job-1', kind: 'index', folder: '/photos', state, progress: null, result: null, error: null, queuedAt: 0, startedAt: null, finishedAt: null, ...extra };
}

function render(folder: FolderInfo, options: { job?: JobState; syncing?: boolean; viewingOnly?: boolean } = {}): string {
  return renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <ViewingOnlyContext.Provider value={options.viewingOnly ? 'no-model' : false}>
        <FolderRow folder={folder} job={options.job} syncing={options.syncing ?? false} selected={false} onSelect={() => {}} />
      </ViewingOnlyContext.Provider>
    </ClientContext.Provider>,
  );
}

describe('a folder row\'s pause', () => {
  it('offers Pause while the folder is indexed or the watcher catches up, not when idle or viewing only', () => {
    expect(render(FOLDER, { job: job('running') })).toContain('Pause indexing');
    expect(render(FOLDER, { job: job('queued') })).toContain('Pause indexing');
    expect(render(FOLDER, { syncing: true })).toContain('Pause indexing');
    expect(render(FOLDER, { job: job('done') })).not.toContain('Pause indexing');
    expect(render(FOLDER, { job: job('running'), viewingOnly: true })).not.toContain('Pause indexing');
  });

  it('a paused folder says so and offers Resume; the stopped job is not shown, a failure since is', () => {
    const html = render(PAUSED, { job: job('cancelled') });
    expect(html).toContain('Resume indexing');
    expect(html).toContain('Indexing paused: photos added or changed here are not indexed until you resume');
    expect(html).not.toContain('Stopped.');
    expect(html).not.toContain('Pause indexing');
    expect(render(PAUSED, { job: job('failed', { error: 'disk gone' }) })).toContain('Indexing failed: disk gone');
    expect(render(PAUSED, { job: job('cancelled'), viewingOnly: true })).not.toContain('Resume indexing');
  });
});
