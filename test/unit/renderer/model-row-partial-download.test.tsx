// Settings → Model after a download that stopped (the hub went away mid-download): the core
// keeps the finished bytes and Try again resumes them (HTTP 206), as `shoebox models list`
// says with "partial". The card said "not installed · about 1.5 GB to download" as if nothing
// were there; it now says partial, how much is kept, and that Try again resumes it.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { JobState, ModelInfo } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { ModelRow } from '../../../src/renderer/components/settings/ModelRow';

const client = { transport: 'websocket', onConnectionChange: () => () => {}, onEvent: () => () => {} } as unknown as ShoeboxClient;
const SIGLIP2 = { id: 'vit-b-16-siglip2-webli', source: 'catalog', installed: false, active: false, bytes: 1_500_000_000, languages: [], recommended: false, benchmark: null, description: 'SigLIP2', catalogSource: null, dir: '/h/models/vit-b-16-siglip2-webli' } as ModelInfo;
const failedJob = (done: number): JobState => ({
  id: 'j1', kind: 'install-model', folder: SIGLIP2.id, state: 'failed', step: undefined, result: null, queuedAt: 1, startedAt: 2, finishedAt: 3,
  progress: { done, total: 1_500_000_000, rate: 1, etaSeconds: null },
  error: 'model.onnx: download failed after 5 attempts (cannot reach http://127.0.0.1:8811 (ECONNREFUSED)); install again to resume',
});
const text = (job: JobState | undefined) =>
  renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <ModelRow model={SIGLIP2} job={job} switching={false} onSwitch={async () => {}} />
    </ClientContext.Provider>,
  ).replace(/<!-- -->/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('a model whose download stopped part-way', () => {
  it('reads partial, with how much is kept and that Try again resumes it', () => {
    const said = text(failedJob(480_000_000));
    expect(said).toContain('partial');
    expect(said).not.toContain('not installed');
    expect(said).toContain('about 480 MB of 1.5 GB downloaded');
    expect(said).not.toContain('to download');
    expect(said).toContain('Try again resumes it: 480 MB of 1.5 GB is kept.');
  });

  it('a download that fetched nothing is still not installed, with its download size', () => {
    const said = text(failedJob(0));
    expect(said).toContain('not installed');
    expect(said).toContain('about 1.5 GB to download');
    expect(said).not.toContain('resumes');
  });
});
