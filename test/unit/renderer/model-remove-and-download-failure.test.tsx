// Settings → Model, the models walk's follow-ups on the app's side:
// - no model could be removed from the app (only `shoebox models remove ID`), not an unused one,
//   not a broken folder; rows now offer Remove where that command would succeed without
//   --force (never the model this app has open), with the library only viewed here too;
// - a failed download ran the core's sentence into the app's ("…is right); install again to
//   resume Try again resumes it: …"), repeated the terminal's advice, and promised to resume a
//   file whose bad copy was deleted;
// - the banner over a library whose model is here but broken opened with "this device has no
//   model yet": it now says what `shoebox status` says.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { JobState, ModelInfo, ModelOffer } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { ModelRow } from '../../../src/renderer/components/settings/ModelRow';
import { ViewingOnlyContext, type ViewingOnly } from '../../../src/renderer/hooks/useViewingOnly';
import { noModelTitle } from '../../../src/renderer/components/no-model-title';

const client = { transport: 'websocket', onConnectionChange: () => () => {}, onEvent: () => () => {} } as unknown as ShoeboxClient;
const MODEL = { id: 'vit-b-32-openai', source: 'catalog', installed: true, active: false, bytes: 608_000_000, languages: [], recommended: false, benchmark: null, description: 'OpenAI CLIP', catalogSource: null, dir: '/h/models/vit-b-32-openai', partial: false } as ModelInfo;
const BROKEN_WHY = 'tiny-immich is incomplete or broken: /h/models/tiny-immich: missing textual/tokenizer.json; remove it (shoebox models remove tiny-immich) and import its folder again (shoebox models import DIR --id tiny-immich), or choose another (shoebox models use ID)';
const BROKEN = { ...MODEL, id: 'tiny-immich', source: 'imported', installed: false, description: null, dir: '/h/models/tiny-immich', broken: BROKEN_WHY } as ModelInfo;

const render = (model: ModelInfo, job?: JobState, viewingOnly: ViewingOnly = false) =>
  renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <ViewingOnlyContext.Provider value={viewingOnly}>
        <ModelRow model={model} job={job} switching={false} onSwitch={async () => {}} onRemove={async () => {}} />
      </ViewingOnlyContext.Provider>
    </ClientContext.Provider>,
  );
const text = (html: string) => html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');
const removeButton = (html: string) => /aria-label="Remove [^"]+"[^>]*>Remove</.test(html);

describe('Remove on a model row', () => {
  it('is offered where `shoebox models remove ID` would succeed without --force', () => {
    expect(removeButton(render(MODEL))).toBe(true);
    expect(render(MODEL)).toContain('aria-label="Remove vit-b-32-openai"');
    // A broken folder is removable, also while the library is only viewed for want of a model (it is why).
    expect(removeButton(render(BROKEN, undefined, 'no-model'))).toBe(true);
    // An unfinished download kept from an earlier session: the command removes it too.
    expect(removeButton(render({ ...MODEL, installed: false, partial: true }))).toBe(true);
  });

  it('is not offered for the model this app has open, a --model-dir folder, a download running, or nothing on this device', () => {
    expect(removeButton(render({ ...MODEL, active: true }))).toBe(false);
    expect(removeButton(render({ ...MODEL, source: 'folder' }))).toBe(false);
    const running = { id: 'j', kind: 'install-model', folder: MODEL.id, state: 'running', progress: { done: 1, total: 2, rate: 1, etaSeconds: null }, result: null, error: null, queuedAt: 1, startedAt: 2, finishedAt: null } as JobState;
    expect(removeButton(render({ ...MODEL, installed: false, partial: true }, running))).toBe(false);
    expect(removeButton(render({ ...MODEL, installed: false }))).toBe(false);
  });
});

describe('a failed download, in the app', () => {
  const failed = (error: string, done: number): JobState => ({
    id: 'j1', kind: 'install-model', folder: MODEL.id, state: 'failed', step: undefined, result: null, queuedAt: 1, startedAt: 2, finishedAt: 3,
    progress: { done, total: 607_000_000, rate: 1, etaSeconds: null }, error,
  });
  const notInstalled = { ...MODEL, installed: false, partial: true };

  it('ends the core\'s sentence, drops the terminal\'s "install again to resume", then says Try again resumes it', () => {
    const said = text(render(notInstalled, failed('visual/model.onnx: download failed after 5 attempts (cannot reach http://127.0.0.1:8811: check that it is running and its address is right); install again to resume', 136_000_000)));
    expect(said).toContain('Download failed: visual/model.onnx: download failed after 5 attempts (cannot reach http://127.0.0.1:8811: check that it is running and its address is right). Try again resumes it: 136 MB of 607 MB is kept.');
    expect(said).not.toContain('install again');
  });

  it('after a checksum failure promises no resume: the bad copy was deleted', () => {
    const said = text(render(notInstalled, { ...failed("textual/model.onnx: downloaded bytes do not match the hub's sha256 (expected ab12, got cd34); the bad copy was deleted", 0), errorCode: 'verify' }));
    expect(said).toContain("Download failed: textual/model.onnx: downloaded bytes do not match the hub's sha256 (expected ab12, got cd34); the bad copy was deleted. Try again downloads it again.");
    expect(said).not.toContain('resumes');
  });
});

describe('the banner over a library whose model is here but broken', () => {
  const offer = (o: Partial<ModelOffer>): ModelOffer => ({ id: 'tiny-immich', reason: 'library', photos: 4, bring: 'import', command: 'shoebox models remove tiny-immich && shoebox models import DIR --id tiny-immich', ...o });

  it('says the model is incomplete or broken, as shoebox status does, not that the device has no model yet', () => {
    expect(noModelTitle(offer({ broken: BROKEN_WHY }), { modelProblem: null, modelProblemKind: 'no-model' })).toBe("Viewing only: this library's photos were embedded with tiny-immich, which is incomplete or broken on this device.");
    expect(noModelTitle(null, { modelProblem: 'the active model x is incomplete or broken: …', modelProblemKind: 'unusable' })).toBe('Viewing only: the active model cannot be used on this device.');
    expect(noModelTitle(offer({}), { modelProblem: null, modelProblemKind: 'no-model' })).toBe('Viewing only: this device has no model yet.');
  });
});
