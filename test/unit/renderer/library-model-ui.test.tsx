// A shared library opened on a device without a model: the banner offered the catalog's
// recommended model whatever the library's photos were embedded with; it now says the
// engine's offer (ModelsInfo.offer), the library's own model and how to bring it. And under
// `shoebox serve` Settings → Library named no library: it now names the one the server opened.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ModelInfo, ModelOffer } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { NoModelBanner } from '../../../src/renderer/components/NoModelBanner';
import { LibraryModelText } from '../../../src/renderer/components/settings/LibraryModelText';
import { LibrarySection } from '../../../src/renderer/components/settings/LibrarySection';

// The page under `shoebox serve`: no Settings → Library choice (client.library), answers pending.
const client = {
  transport: 'websocket',
  imageUrl: () => '',
  onConnectionChange: () => () => {},
  onEvent: () => () => {},
  models: () => new Promise(() => {}),
  jobs: () => new Promise(() => {}),
} as unknown as ShoeboxClient;
const render = (node: ReactNode) => renderToStaticMarkup(<ClientContext.Provider value={client}>{node}</ClientContext.Provider>);
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');

const OPENAI = { id: 'vit-b-32-openai', source: 'catalog', installed: false, active: false, bytes: 608_000_000 } as ModelInfo;
const offer = (o: Partial<ModelOffer>): ModelOffer => ({ id: 'vit-b-32-openai', reason: 'library', photos: 4, bring: 'install', command: 'shoebox models install vit-b-32-openai', ...o });

describe("the library's own model, offered to a device without one", () => {
  it('a catalog model: install it, with its download size', () => {
    expect(text(render(<LibraryModelText offer={offer({})} model={OPENAI} />))).toMatch(
      /^This library's photos were embedded with vit-b-32-openai: install it \(about 608 MB to download\) to search and index here\. Another model \(Settings → Model\) would embed every photo again\.$/,
    );
  });

  it('a model folder the catalog lacks: says so, and how to bring it, as shoebox status does', () => {
    const said = text(render(<LibraryModelText offer={offer({ id: 'tiny-immich', bring: 'import', command: 'shoebox models import DIR' })} model={undefined} />));
    expect(said).toMatch(/^This library's photos were embedded with tiny-immich, which is not in the model catalog .*: to search and index here, bring that folder from a terminal, shoebox models import DIR, then check again\./);
    expect(said).not.toContain('install it');
  });

  it('installed here but not in use: use it', () => {
    expect(text(render(<LibraryModelText offer={offer({ bring: 'use', command: 'shoebox models use vit-b-32-openai' })} model={{ ...OPENAI, installed: true }} />))).toMatch(
      /embedded with vit-b-32-openai, which is installed on this device but not in use: use it to search and index here\./,
    );
  });

  it('the banner offers no model before the engine has said which (never the recommended one by default)', () => {
    const html = render(<NoModelBanner problem={null} onFinished={() => {}} />);
    expect(html).toContain('Viewing only: this device has no model yet.');
    expect(html).not.toMatch(/Install vit-b-32/);
  });
});

describe("the banner's note of the model problem", () => {
  it('adds the problem unless it is the banner\'s own subject, by its kind, not its first words', () => {
    const named = 'No model yet: model x is not installed (shoebox models install x)';
    expect(text(render(<NoModelBanner problem={{ modelProblem: named, modelProblemKind: 'not-found' }} onFinished={() => {}} />))).toContain(named);
    const generic = 'this library\'s photos are embedded with tiny-immich, which is not in the catalog';
    expect(text(render(<NoModelBanner problem={{ modelProblem: generic, modelProblemKind: 'no-model' }} onFinished={() => {}} />))).not.toContain(generic);
  });
});

describe('Settings → Library under shoebox serve', () => {
  it('names the library the server opened', () => {
    const said = text(render(<LibrarySection library="s3://family/shoebox" />));
    expect(said).toContain('This page shows the library s3://family/shoebox, the one shoebox serve opened (--library, else SHOEBOX_LIBRARY, else the one the desktop app chose for its data folder, else the one in it).');
  });

  it('says what it can while the engine has not answered', () => {
    expect(text(render(<LibrarySection />))).toContain("Under shoebox serve the library is the one the server opened (--library, else SHOEBOX_LIBRARY, else the desktop app's choice, else its data folder's).");
  });
});
