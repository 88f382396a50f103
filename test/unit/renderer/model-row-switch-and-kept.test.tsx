// Settings → Model, a model's card: Use's confirmation says what a switch embeds, from how many
// of the library's photos the model has embedded already (it said "embedded again" even for a
// model that had them all, whose switch then indexed 0 new photos); and a download stopped in
// an earlier session (serve restarted since) still reads partial, from the core's word, where
// it said "not installed" once the stopped job was gone.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ModelInfo } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { ModelRow } from '../../../src/renderer/components/settings/ModelRow';
import { switchEmbeddingText } from '../../../src/renderer/components/settings/switch-embedding-text';

const client = { transport: 'websocket', onConnectionChange: () => () => {}, onEvent: () => () => {} } as unknown as ShoeboxClient;
const SIGLIP2 = { id: 'vit-b-16-siglip2-webli', source: 'catalog', installed: false, active: false, bytes: 1_500_000_000, languages: [], recommended: false, benchmark: null, description: 'SigLIP2', catalogSource: null, dir: '/h/models/vit-b-16-siglip2-webli' } as ModelInfo;
const text = (model: ModelInfo) =>
  renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <ModelRow model={model} job={undefined} switching={false} onSwitch={async () => {}} />
    </ClientContext.Provider>,
  ).replace(/<!-- -->/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('what a switch embeds', () => {
  it('says a model that has every photo embedded embeds none', () => {
    expect(switchEmbeddingText({ embeddedPhotos: 16 }, 16)).toBe('All 16 photos are already embedded with it, so search finds them all at once.');
  });

  it('says how many are left for a model that has some', () => {
    expect(switchEmbeddingText({ embeddedPhotos: 4 }, 16)).toBe('12 of 16 photos will be embedded with it in the background; until that finishes, search finds only the 4 photos already done.');
  });

  it('says a model that has embedded none yet embeds them all, with the count and no "again"', () => {
    expect(switchEmbeddingText({ embeddedPhotos: 0 }, 27)).toBe('All 27 photos will be embedded with it in the background; search finds them as they are done.');
    expect(switchEmbeddingText({ embeddedPhotos: 0 }, 1)).toBe('The library’s one photo will be embedded with it in the background; search finds it once it is done.');
  });

  it('keeps the general sentence for counts not known', () => {
    const general = 'Your photos will be embedded again with it in the background; until that finishes, search finds only the photos already done.';
    expect(switchEmbeddingText({ embeddedPhotos: null }, 16)).toBe(general);
    expect(switchEmbeddingText({ embeddedPhotos: 3 }, null)).toBe(general);
  });
});

describe('a download stopped in an earlier session', () => {
  it('reads partial, and its button resumes it', () => {
    const said = text({ ...SIGLIP2, partial: true });
    expect(said).toContain('partial');
    expect(said).not.toContain('not installed');
    expect(said).toContain('partly downloaded');
    expect(said).not.toContain('to download');
    expect(said).toContain('Resume');
  });

  it('a model with nothing kept is not installed, with its download size', () => {
    const said = text({ ...SIGLIP2, partial: false });
    expect(said).toContain('not installed');
    expect(said).toContain('about 1.5 GB to download');
  });
});
