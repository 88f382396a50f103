// `shoebox place find` lists the towns as the app suggests them: the same towns, in the same
// order, as many as the app shows (the core's one default).
import { describe, expect, it } from 'vitest';
import { shoebox as runCli } from './run-cli';
import { placeEditApi } from '../../src/core/api/place-edit-api';
import type { ApiContext } from '../../src/core/api/api-context';
import type { EditUndos } from '../../src/core/api/edit-undo';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';

describe('shoebox place find', () => {
  it('lists what the app suggests for the same words', async () => {
    const res = await runCli(['--home', tempDir(), 'place', 'find', '--model-dir', fixtureModelDir(TINY_IMMICH), '--json', 'Kai']);
    expect(res.code, res.stderr).toBe(0);
    const app = await placeEditApi({} as ApiContext, {} as EditUndos).findPlaces('Kai');
    expect(JSON.parse(res.stdout)).toEqual(app);
    expect(app).toHaveLength(8);
  });
});
