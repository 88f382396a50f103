import { describe, expect, it, vi } from 'vitest';
import type { LibraryApi } from '../../../src/shared/api';
import { INVOKABLE_METHODS, InvalidArgumentsError, validateArgs } from '../../../src/shared/api-methods';
import { RpcClient, answerRequest, libraryApiOverRpc, libraryHandler, type RpcRequest } from '../../../src/shared/rpc';

/** A client and a server joined back to back, as a WebSocket or a port would join them. */
function pair(api: Partial<LibraryApi>) {
  const handle = libraryHandler(api as LibraryApi);
  const client: RpcClient = new RpcClient((request: RpcRequest) => {
    // JSON on the way, as over a WebSocket.
    void answerRequest(JSON.parse(JSON.stringify(request)), handle).then((response) => client.receive(JSON.parse(JSON.stringify(response))));
  });
  return { client, api: libraryApiOverRpc(client) };
}

describe('the RPC protocol', () => {
  it('carries calls, results and void results', async () => {
    const listPhotos = vi.fn(async () => ({ total: 0, offset: 0, photos: [] }));
    const removeFolder = vi.fn(async () => undefined);
    const { api } = pair({ listPhotos, removeFolder });
    await expect(api.listPhotos({ limit: 10 })).resolves.toEqual({ total: 0, offset: 0, photos: [] });
    expect(listPhotos).toHaveBeenCalledWith({ limit: 10 });
    await expect(api.removeFolder('/photos')).resolves.toBeUndefined();
  });

  it('carries errors with their name', async () => {
    const { api } = pair({ addFolder: async () => Promise.reject(Object.assign(new Error('folder not found: /nope'), { name: 'NotFound' })) });
    const error = await api.addFolder('/nope').catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'NotFound', message: 'folder not found: /nope' });
  });

  it('refuses unknown methods and prototype names', async () => {
    const handle = libraryHandler({} as LibraryApi);
    for (const method of ['constructor', '__proto__', 'toString', 'subscribe', 'readImage', 'hasOwnProperty']) {
      const response = await answerRequest({ id: 1, method, params: [] }, handle);
      expect(response, method).toMatchObject({ id: 1, error: { name: 'InvalidArgumentsError', message: expect.stringMatching(/unknown method/) } });
    }
  });

  it('ignores messages that are not requests', async () => {
    const handle = vi.fn();
    for (const message of [null, 'text', 42, { method: 'status' }, { id: 'x', method: 'status' }, { id: 1.5, method: 'status' }]) {
      expect(await answerRequest(message, handle)).toBeNull();
    }
    expect(handle).not.toHaveBeenCalled();
  });

  it('delivers pushed events and fails calls in flight when the connection drops', async () => {
    const client = new RpcClient(() => {});
    const seen = vi.fn();
    client.onEvent(seen);
    client.receive({ event: { type: 'folders-changed' } });
    expect(seen).toHaveBeenCalledWith({ type: 'folders-changed' });
    const pending = client.call('status', []);
    client.failAll(new Error('gone'));
    await expect(pending).rejects.toThrow('gone');
    expect(client.inFlight).toBe(0);
  });
});

describe('argument checks', () => {
  it('cover every method', () => {
    expect([...INVOKABLE_METHODS].sort()).toEqual(
      [
        'addFolder', 'getPhoto', 'photoShot', 'info', 'jobs', 'listFailures', 'listFolders', 'photoFolders', 'listPhotos', 'models', 'removeFolder', 'search', 'searchByImage', 'similar', 'status',
        'installModel', 'useModel', 'removeModel', 'chooseFolder', 'repairLibrary',
        'listLabelSets', 'shippedLabelSets', 'saveLabelSet', 'removeLabelSet', 'tagFolder', 'stopAutoTagging', 'tagCounts', 'tagChoices', 'reviewTags', 'prepareTagDecisions', 'setTagState', 'setTagStates',
        'listAlbums', 'saveAlbum', 'removeAlbum', 'albumPhotos', 'previewAlbum', 'setAlbumMembership', 'setAlbumMemberships', 'exportAlbum',
        'findDuplicates', 'duplicates', 'trashDuplicates', 'stopDuplicateScan', 'decideDuplicates', 'duplicateDecisions', 'undoDuplicateDecision',
        'timeline', 'timelineSummary', 'exportPhotos', 'trashPhotos', 'setFavourites', 'setArchived', 'setTakenAt', 'shiftTakenAt', 'findPlaces', 'setPlace', 'setDescription', 'importDescriptions', 'importPhotos', 'rotatePhotos', 'places', 'undoEdit',
        'textInPhotos', 'setTextInPhotos',
        'mapFolder', 'mapFolders', 'pauseIndexing', 'resumeIndexing', 'stopJob',
      ].sort(),
    );
  });

  it('check favourites: ids and a yes or no, and the filters that ask for them', () => {
    expect(validateArgs('setFavourites', [['a', 'b'], true])).toEqual([['a', 'b'], true]);
    expect(() => validateArgs('setFavourites', [['a'], 'yes'])).toThrow(/favourite/);
    expect(() => validateArgs('setFavourites', ['a', true])).toThrow();
    expect(validateArgs('timeline', [{ favourite: true }])).toEqual([{ favourite: true }]);
    expect(validateArgs('search', ['dog', { filters: { favourite: true } }])).toEqual(['dog', { filters: { favourite: true } }]);
    expect(() => validateArgs('search', ['dog', { filters: { favourite: 1 } }])).toThrow(/favourite/);
  });

  it('check the archive: ids and a yes or no, and the timeline that asks for it', () => {
    expect(validateArgs('setArchived', [['a', 'b'], false])).toEqual([['a', 'b'], false]);
    expect(() => validateArgs('setArchived', [['a'], 'yes'])).toThrow(/archived/);
    expect(() => validateArgs('setArchived', [['a']])).toThrow();
    expect(validateArgs('timeline', [{ archived: true, favourite: true }])).toEqual([{ archived: true, favourite: true }]);
    expect(() => validateArgs('timelineSummary', [{ archived: 'yes' }])).toThrow(/archived/);
  });

  it('check a date taken: ids and a date text, or null to restore', () => {
    expect(validateArgs('setTakenAt', [['a'], '2024-03-07T18:05'])).toEqual([['a'], '2024-03-07T18:05']);
    expect(validateArgs('setTakenAt', [['a'], null])).toEqual([['a'], null]);
    expect(() => validateArgs('setTakenAt', [['a'], 20240307])).toThrow(/date taken/);
    expect(() => validateArgs('setTakenAt', [['a']])).toThrow();
    expect(validateArgs('shiftTakenAt', [['a'], -3600])).toEqual([['a'], -3600]);
    expect(() => validateArgs('shiftTakenAt', [['a'], '+1h'])).toThrow(/seconds/);
    expect(() => validateArgs('shiftTakenAt', [['a'], 1.5])).toThrow(/seconds/);
    expect(() => validateArgs('shiftTakenAt', [['a'], 1e12])).toThrow(/seconds/);
    expect(validateArgs('setPlace', [['a'], { lat: 43.77, lon: 11.25 }])).toEqual([['a'], { lat: 43.77, lon: 11.25 }]);
    expect(validateArgs('setPlace', [['a'], null])).toEqual([['a'], null]);
    expect(validateArgs('setPlace', [['a'], 'none'])).toEqual([['a'], 'none']);
    for (const bad of [{ lat: 91, lon: 0 }, { lat: 0, lon: -181 }, { lat: '43', lon: 11 }, { lat: NaN, lon: 0 }, { lat: 1, lon: 2, path: '/etc' }, 'Florence']) {
      expect(() => validateArgs('setPlace', [['a'], bad]), JSON.stringify(bad)).toThrow(/position/);
    }
    // An undo handle, as setTakenAt and setPlace return it.
    expect(validateArgs('undoEdit', [3])).toEqual([3]);
    for (const bad of ['3', 0, 1.5, null]) expect(() => validateArgs('undoEdit', [bad]), String(bad)).toThrow(/undo/);
    expect(validateArgs('setDescription', [['a'], "Grandma's 80th"])).toEqual([['a'], "Grandma's 80th"]);
    expect(validateArgs('setDescription', [['a'], null])).toEqual([['a'], null]);
    expect(() => validateArgs('setDescription', [['a'], 'x'.repeat(2001)])).toThrow(/description is too long/);
    expect(validateArgs('importDescriptions', [])).toEqual([]);
    expect(() => validateArgs('importDescriptions', ['/etc'])).toThrow();
    expect(() => validateArgs('setDescription', [['a'], 42])).toThrow(/description/);
    expect(validateArgs('rotatePhotos', [['a'], -1])).toEqual([['a'], -1]);
    for (const bad of [4, 0.5, '1', null]) expect(() => validateArgs('rotatePhotos', [['a'], bad]), String(bad)).toThrow(/turns/);
    expect(validateArgs('timeline', [{ described: 'grandma' }])).toEqual([{ described: 'grandma' }]);
    expect(() => validateArgs('timeline', [{ described: 7 }])).toThrow(/described/);
    expect(validateArgs('timeline', [{ videos: true }])).toEqual([{ videos: true }]);
    expect(() => validateArgs('timeline', [{ videos: 'yes' }])).toThrow(/videos/);
    expect(validateArgs('findPlaces', ['flor'])).toEqual(['flor']);
    expect(validateArgs('findPlaces', ['flor', 5])).toEqual(['flor', 5]);
    expect(() => validateArgs('findPlaces', ['flor', 500])).toThrow(/limit/);
    expect(() => validateArgs('findPlaces', [42])).toThrow(/place/);
  });

  it('check places: the list, or a search query to name places in; a place name of bounded length on the filters', () => {
    expect(validateArgs('places', [])).toEqual([]);
    expect(validateArgs('places', ['usa'])).toEqual(['usa']);
    expect(() => validateArgs('places', [42])).toThrow(/query/);
    expect(() => validateArgs('places', ['usa', 'uk'])).toThrow();
    expect(validateArgs('timeline', [{ place: 'Arezzo, Italy' }])).toEqual([{ place: 'Arezzo, Italy' }]);
    expect(validateArgs('search', ['dog', { filters: { place: 'Italy' } }])).toEqual(['dog', { filters: { place: 'Italy' } }]);
    expect(validateArgs('saveAlbum', [{ name: 'Trip', query: 'dog', filters: { place: 'IT' } }])).toEqual([{ name: 'Trip', query: 'dog', filters: { place: 'IT' } }]);
    expect(() => validateArgs('timeline', [{ place: 3 }])).toThrow(/place/);
    expect(validateArgs('timeline', [{ onThisDay: '2026-12-03' }])).toEqual([{ onThisDay: '2026-12-03' }]);
    expect(() => validateArgs('timeline', [{ onThisDay: '2026-12-03T00:00:00Z' }])).toThrow(/onThisDay/);
    expect(() => validateArgs('search', ['dog', { filters: { place: 'x'.repeat(301) } }])).toThrow(/place/);
  });

  it('check "Locate folder…" (#13): a folder and a path, or null to forget', () => {
    expect(validateArgs('mapFolder', ['/mnt/nas/photos', '/Volumes/photos'])).toEqual(['/mnt/nas/photos', '/Volumes/photos']);
    expect(validateArgs('mapFolder', ['/mnt/nas/photos', null])).toEqual(['/mnt/nas/photos', null]);
    expect(() => validateArgs('mapFolder', ['/mnt/nas/photos'])).toThrow();
    expect(() => validateArgs('mapFolder', ['/mnt/nas/photos', 3])).toThrow();
  });

  it('check the search sort, the timeline options and a selection (#15)', () => {
    expect(validateArgs('search', ['dog', { sort: 'date', all: true }])).toEqual(['dog', { sort: 'date', all: true }]);
    expect(() => validateArgs('search', ['dog', { sort: 'name' }])).toThrow('sort must be "score" or "date"');
    const timeline = { order: 'added', folder: '/p', tag: 'beach', utcOffset: -300, offset: 200, limit: 200 };
    expect(validateArgs('timeline', [timeline])).toEqual([timeline]);
    expect(() => validateArgs('timelineSummary', [{ order: 'name' }])).toThrow('order must be "taken" or "added"');
    expect(() => validateArgs('timeline', [{ utcOffset: 24 * 60 }])).toThrow('utcOffset must be an integer from -840 to 840');
    expect(validateArgs('exportPhotos', [['a', 'b'], '/out', true])).toEqual([['a', 'b'], '/out', true]);
    expect(() => validateArgs('trashPhotos', ['a'])).toThrow();
    expect(validateArgs('setTagStates', [['a', 'b'], 'animals', 'cat', 'accepted'])).toEqual([['a', 'b'], 'animals', 'cat', 'accepted']);
    expect(() => validateArgs('setTagStates', ['a', 'animals', 'cat', 'accepted'])).toThrow();
    expect(() => validateArgs('setTagStates', [['a'], 'animals', 'cat', 'maybe'])).toThrow();
    expect(validateArgs('setAlbumMemberships', ['Beach', ['a'], 'pinned'])).toEqual(['Beach', ['a'], 'pinned']);
    expect(() => validateArgs('setAlbumMemberships', ['Beach', [3], 'pinned'])).toThrow();
  });

  it('check the "Text in photos" switch (#14)', () => {
    expect(validateArgs('setTextInPhotos', [true])).toEqual([true]);
    expect(() => validateArgs('setTextInPhotos', ['yes'])).toThrow('on must be true or false');
    expect(() => validateArgs('textInPhotos', [1])).toThrow();
  });

  it('accept what the UI sends, dropping trailing undefined', () => {
    expect(validateArgs('search', ['dog', { limit: 200, offset: 400 }])).toEqual(['dog', { limit: 200, offset: 400 }]);
    expect(validateArgs('search', ['dog', undefined])).toEqual(['dog']);
    expect(validateArgs('listPhotos', [])).toEqual([]);
    expect(validateArgs('searchByImage', [{ name: 'a.jpg', base64: 'AAEC' }])).toEqual([{ name: 'a.jpg', base64: 'AAEC' }]);
    const filters = { after: '2021-06-01', before: '2021-07', camera: 'canon', folder: '/p', hasGps: true, tag: 'beach' };
    expect(validateArgs('similar', ['id', { filters }])).toEqual(['id', { filters }]);
    expect(validateArgs('tagFolder', ['animals', null])).toEqual(['animals', null]);
    expect(validateArgs('saveLabelSet', [{ name: 'pets', labels: ['dog', { name: 'cat', prompts: ['a kitten'] }], threshold: 0.4 }])).toEqual([
      { name: 'pets', labels: ['dog', { name: 'cat', prompts: ['a kitten'] }], threshold: 0.4 },
    ]);
    // A margin is a difference of two cosines: the engine's parser and the CLI take -2 to 2.
    expect(validateArgs('saveLabelSet', [{ name: 'wide', labels: ['a', 'b'], margin: 1.5 }])).toEqual([{ name: 'wide', labels: ['a', 'b'], margin: 1.5 }]);
    expect(validateArgs('findDuplicates', [['near', 'exact', 'near']])).toEqual([['near', 'exact']]);
    // Album dates are date text as search's filters take them (camera-clock days), checked by the core.
    const dated = { name: 'Beach', query: 'beach', filters: { after: '2024-03-07', before: '2024-03-08' } };
    expect(validateArgs('saveAlbum', [dated, 'Old'])).toEqual([dated, 'Old']);
    expect(validateArgs('previewAlbum', [{ query: 'beach', filters: dated.filters }])).toEqual([{ query: 'beach', filters: dated.filters }]);
    expect(() => validateArgs('saveAlbum', [{ ...dated, filters: { after: 0 } }])).toThrow(/after/);
  });

  it('refuse the new methods\' bad arguments with a reason', () => {
    expect(() => validateArgs('setTagState', ['id', 'set', 'dog', 'maybe'])).toThrow('state must be one of auto, accepted, rejected');
    expect(() => validateArgs('findDuplicates', [[]])).toThrow('at least one');
    expect(() => validateArgs('findDuplicates', [['fuzzy']])).toThrow('kind must be one of exact, near, similar');
    expect(() => validateArgs('saveLabelSet', [{ name: 'x', labels: 'dog' }])).toThrow('labels must be a list');
    expect(() => validateArgs('saveLabelSet', [{ name: 'x', labels: [], threshold: 2 }])).toThrow('threshold must be a number from 0 to 1');
    expect(() => validateArgs('trashDuplicates', [[1]])).toThrow('id must be a string');
    expect(() => validateArgs('decideDuplicates', [['a', 'b'], 'maybe'])).toThrow('decision must be one of not-duplicates');
    expect(() => validateArgs('undoDuplicateDecision', [])).toThrow('expected 1 argument(s)');
    expect(() => validateArgs('tagFolder', ['set'])).toThrow('expected 2 argument(s)');
    expect(() => validateArgs('exportAlbum', ['a', '/d', 'yes'])).toThrow('copy must be true or false');
  });

  it('refuse the wrong shapes', () => {
    expect(() => validateArgs('status', 'nope')).toThrow(InvalidArgumentsError);
    expect(() => validateArgs('listPhotos', [{ limit: 1.5 }])).toThrow(/limit/);
    expect(() => validateArgs('listPhotos', [{ folder: 7 }])).toThrow(/folder must be a string/);
    expect(() => validateArgs('searchByImage', [{ base64: 'AAEC', extra: 1 }])).toThrow(/unknown option "extra"/);
    expect(() => validateArgs('search', ['x', { filters: { hasGps: 'yes' } }])).toThrow(/hasGps must be true or false/);
    expect(() => validateArgs('search', ['x', { filters: { sql: '1=1' } }])).toThrow(/filters: unknown option "sql"/);
    expect(() => validateArgs('search', ['x', { folder: '/p' }])).toThrow(/unknown option "folder"/);
  });
});
