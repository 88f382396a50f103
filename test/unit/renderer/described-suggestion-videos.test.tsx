// "Photos described as “…”" counts the videos among them apart (the core's timelineSummary
// carries them), as every other count in the app and the CLI: "2 photos, 1 video".
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { TimelineOptions, TimelineSummary } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { DescribedSuggestion } from '../../../src/renderer/components/DescribedSuggestion';

// No DOM here: useAsync runs the load on the first render and answers with its value on the next.
const loads = vi.hoisted(() => ({ pending: null as Promise<void> | null, value: undefined as unknown, ready: false }));
vi.mock('../../../src/renderer/hooks/useAsync', () => ({
  useAsync: (load: () => Promise<unknown>) => {
    if (loads.ready) return [{ status: 'ready', value: loads.value }];
    loads.pending ??= load().then((value) => {
      loads.value = value;
      loads.ready = true;
    });
    return [{ status: 'loading' }];
  },
}));

describe('DescribedSuggestion', () => {
  it('says the videos described apart from the photos', async () => {
    const asked: TimelineOptions[] = [];
    const client = {
      timelineSummary: async (options: TimelineOptions): Promise<TimelineSummary> => {
        asked.push(options);
        return { total: 3, videos: 1, days: [] };
      },
    } as unknown as ShoeboxClient;
    const page = () => renderToStaticMarkup(<ClientContext.Provider value={client}><DescribedSuggestion query="beach" version={0} onDescribed={() => {}} /></ClientContext.Provider>);
    expect(page()).toBe('');
    await loads.pending;
    expect(asked).toEqual([{ described: 'beach' }]);
    expect(page().replace(/<[^>]+>/g, '')).toBe('Photos described as “beach” (2 photos, 1 video, from their descriptions)');
  });
});
