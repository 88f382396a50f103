// A place set by name in the app and by the CLI is the same town: the app's Enter takes the
// first of findPlaces' suggestions, `shoebox place set` takes choosePlace's town, and both are
// the town named exactly as typed (case ignored) before any larger town whose name it begins.
import { describe, expect, it } from 'vitest';
import { placeEditApi } from '../../../src/core/api/place-edit-api';
import type { ApiContext } from '../../../src/core/api/api-context';
import type { EditUndos } from '../../../src/core/api/edit-undo';

// Finding and choosing a town read only the offline town list: no library behind them.
const api = placeEditApi({} as ApiContext, {} as EditUndos);

describe('a place typed by name', () => {
  it('is the same town for the app\'s first suggestion and for `place set`', async () => {
    for (const typed of ['Kai', 'kai', 'flore', 'Bath', 'paris', 'Florence, Italy', 'Springfield']) {
      // The same position (a label may add it where the list holds two towns of one name).
      const [first] = await api.findPlaces(typed);
      const chosen = api.choosePlace(typed);
      expect(first && { lat: first.lat, lon: first.lon }, typed).toEqual({ lat: chosen.lat, lon: chosen.lon });
    }
    expect((await api.findPlaces('Kai'))[0]?.label).toBe('Kai, Afghanistan');
  });

  it('lists the towns of exactly that name first, then the others by population', async () => {
    const labels = (await api.findPlaces('kai')).map((c) => c.label);
    expect(labels.slice(0, 2)).toEqual(['Kai, Afghanistan', 'Kai, Japan']);
    expect(labels).toContain('Kaifeng, China');
  });
});
