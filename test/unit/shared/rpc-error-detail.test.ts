// A search with a tag no label set has, through the RPC the page uses (`shoebox serve`'s
// WebSocket, the engine process's port): the core's refusal carries what it is (code
// 'unknown-tag' and the label) across as plain JSON, so the filter bar says it in the app's
// words by that code, whatever the message's words. Nothing else of the error crosses: no stack.
import { describe, expect, it } from 'vitest';
import type { LibraryApi } from '../../../src/shared/api';
import { QueryError, type QueryErrorDetail } from '../../../src/core/search/query-error';
import { photosWithTag } from '../../../src/core/search/tag-filter';
import { searchErrorText } from '../../../src/renderer/lib/filters';
import type { ErrorDetail } from '../../../src/shared/error-detail';
import { RpcClient, answerRequest, errorBody, libraryApiOverRpc, libraryHandler, type RpcRequest } from '../../../src/shared/rpc';
import { fakeLibrary, wordVectors } from '../../helpers/fakes/fake-library';

const APP_LINE = 'No label set has the tag “mauve” (any more): choose another tag.';

/** A client and a server joined back to back, JSON on the way, as over a WebSocket. */
function pair(api: Partial<LibraryApi>) {
  const handle = libraryHandler(api as LibraryApi);
  const client: RpcClient = new RpcClient((request: RpcRequest) => {
    void answerRequest(JSON.parse(JSON.stringify(request)), handle).then((response) => client.receive(JSON.parse(JSON.stringify(response))));
  });
  return libraryApiOverRpc(client);
}

/** What a client rejects with when the other side answers `error` (a script may send anything). */
async function received(error: unknown): Promise<Error & { detail?: unknown }> {
  const client = new RpcClient(() => {});
  const call = client.call('search', ['red']);
  client.receive({ id: 1, error });
  return (await call.catch((e: unknown) => e)) as Error & { detail?: unknown };
}

describe('an error’s detail over the RPC', () => {
  it('a search by an unknown tag reads in the app’s words on the far side', async () => {
    const lib = fakeLibrary(wordVectors({ red: [1, 0, 0] }, 3));
    await lib.store.putLabelSet({ name: 'colours', json: JSON.stringify({ name: 'colours', labels: ['Red', 'Blue'] }), updatedAt: 0 });
    const api = pair({ search: async () => Promise.reject(await photosWithTag(lib, 'mauve').then(() => new Error('not refused'), (e: unknown) => e)) });
    const error = await api.search('red', { filters: { tag: 'mauve' } }).catch((e: Error & { detail?: unknown }) => e);
    expect(error).toMatchObject({ name: 'QueryError', detail: { code: 'unknown-tag', label: 'mauve' } });
    expect(searchErrorText(error)).toBe(APP_LINE);
  });

  it('the filter bar decides by the code, not by the message’s words', async () => {
    const api = pair({ search: async () => Promise.reject(new QueryError('the tag filter names a label no set has', { code: 'unknown-tag', label: 'mauve' })) });
    const error = await api.search('red').catch((e: unknown) => e);
    expect(searchErrorText(error)).toBe(APP_LINE);
    // Worded like the refusal but without its code: not taken for one.
    const lookalike = await pair({ search: async () => Promise.reject(new Error('--tag mauve: no label set has the label "mauve" (shoebox labels list)')) })
      .search('red')
      .catch((e: unknown) => e);
    expect(lookalike).not.toHaveProperty('detail');
  });

  it('carries only a detail it knows, field by field, and never a stack', async () => {
    const error = Object.assign(new QueryError('x', { code: 'unknown-tag', label: 'mauve' }), { secret: 'kept home' });
    const body = errorBody(error);
    expect(body).toEqual({ name: 'QueryError', message: 'x', detail: { code: 'unknown-tag', label: 'mauve' } });
    expect(JSON.stringify(body)).not.toContain('kept home');
    expect(errorBody(new Error('plain'))).toEqual({ name: 'Error', message: 'plain' });
    // From a peer that may be a script: an unknown code, a label not a string, extra fields.
    expect(await received({ name: 'QueryError', message: 'm', detail: { code: 'rm -rf', label: 'x' } })).not.toHaveProperty('detail');
    expect(await received({ name: 'QueryError', message: 'm', detail: { code: 'unknown-tag', label: 7 } })).not.toHaveProperty('detail');
    expect((await received({ name: 'QueryError', message: 'm', detail: { code: 'unknown-tag', label: 'a', stack: 's' } })).detail).toEqual({ code: 'unknown-tag', label: 'a' });
  });

  it('the core’s detail is one the RPC carries', () => {
    const detail: QueryErrorDetail = { code: 'unknown-tag', label: 'mauve' };
    const carried: ErrorDetail = detail;
    expect(carried).toBe(detail);
  });
});
