// Settings → Inference says which provider was asked for where it is not the one in use: WebGPU
// asked for (--provider, SHOEBOX_PROVIDER or settings.json) that failed to load, beside the
// fallback's reason, and settings.json's "provider" naming none ("gpu"), in the core's line
// that the CLI and the app's log say (it showed nothing of either before).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { EngineInfo, ProviderStatus } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { InferenceSection } from '../../../src/renderer/components/settings/InferenceSection';

const client = { transport: 'websocket' } as unknown as ShoeboxClient;

function rows(providers: ProviderStatus): string[] {
  const info: EngineInfo = { version: '1.0.0', home: '/home/me/.shoebox', platform: 'linux-x64', providers, threads: { cores: 2, decodes: 2, pool: 6 } };
  const html = renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <InferenceSection info={{ status: 'ready', value: info }} />
    </ClientContext.Provider>,
  );
  return [...html.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map(([, term, value]) => `${term}: ${value!.replace(/<!-- -->/g, '').replace(/&quot;/g, '"')}`);
}

const onCpu: ProviderStatus = { available: ['webgpu', 'cpu'], inUse: 'cpu', fallbackReason: null, adapter: null, measured: null };

describe('Settings → Inference, the provider asked for', () => {
  it('says WebGPU was asked for and is not used, beside the fallback', () => {
    const lines = rows({ ...onCpu, asked: 'webgpu', askedProblem: null, fallbackReason: 'webgpu failed to load: no adapter' });
    expect(lines).toContain('Asked for: WebGPU, not used here');
    expect(lines).toContain('Fallback: webgpu failed to load: no adapter');
  });

  it('shows the core\'s line for a settings.json "provider" that names none', () => {
    const line = '/home/me/.shoebox/settings.json: "provider": unknown execution provider "gpu" (auto, cuda, dml, coreml, webgpu or cpu); using auto';
    expect(rows({ ...onCpu, asked: 'gpu', askedProblem: line })).toContain(`Asked for: ${line}`);
  });

  it('says nothing more when auto, or the provider asked for, runs', () => {
    expect(rows({ ...onCpu, asked: null }).join('\n')).not.toMatch(/Asked for/);
    expect(rows({ ...onCpu, asked: 'cpu' }).join('\n')).not.toMatch(/Asked for/);
  });
});
