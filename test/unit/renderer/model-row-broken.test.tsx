// Settings → Model with an imported model whose folder was half deleted by hand: it was left
// out of the list ("No model in use yet" and no row). Its row now reads broken, with why and
// the fix, as `shoebox models list` says it.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ModelInfo } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { ModelRow } from '../../../src/renderer/components/settings/ModelRow';

const client = { transport: 'websocket', onConnectionChange: () => () => {}, onEvent: () => () => {} } as unknown as ShoeboxClient;
const WHY = 'tiny-immich is incomplete or broken: /h/models/tiny-immich: missing textual/tokenizer.json; remove it (shoebox models remove tiny-immich) and import its folder again (shoebox models import DIR --id tiny-immich), or choose another (shoebox models use ID)';
const BROKEN = { id: 'tiny-immich', source: 'imported', installed: false, active: false, bytes: 19_000, languages: [], recommended: false, benchmark: null, description: null, catalogSource: null, dir: '/h/models/tiny-immich', broken: WHY } as ModelInfo;
const text = (model: ModelInfo) =>
  renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <ModelRow model={model} job={undefined} switching={false} onSwitch={async () => {}} />
    </ClientContext.Provider>,
  ).replace(/<!-- -->/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('a model whose folder here is broken', () => {
  it('reads broken, with why and the fix; no Use button', () => {
    const said = text(BROKEN);
    expect(said).toContain(' broken ');
    expect(said).toContain(WHY);
    expect(said).not.toContain('not installed');
    expect(said).not.toMatch(/\bUse\b/);
  });
});
