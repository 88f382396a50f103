// The line a viewer hands the grid when it closes after archiving a photo
// (lib/viewer-archive-notice.ts): the viewer's words, and an Undo that is the core's own
// unarchive of that photo (as the selection bar's Archive's Undo is), said in the bar's words.
import { describe, expect, it } from 'vitest';
import type { BatchResult } from '../../../src/shared/api';
import { archivedInViewerNotice } from '../../../src/renderer/lib/viewer-archive-notice';

describe("the viewer's archive line, left in the grid", () => {
  it("keeps the viewer's words; its Undo asks the core to unarchive that one photo", async () => {
    const calls: [string[], boolean][] = [];
    const client = { setArchived: async (ids: string[], archived: boolean): Promise<BatchResult> => (calls.push([ids, archived]), { done: ids.length, missing: 0, changed: ids }) };
    const notice = archivedInViewerNotice(client, 'p3', 'Archived otd3.jpg: out of the timeline, still found by search.');
    expect(notice.text).toBe('Archived otd3.jpg: out of the timeline, still found by search.');
    expect(calls).toEqual([]);
    expect(await notice.undo()).toBe('Unarchived 1 photo.');
    expect(calls).toEqual([[['p3'], false]]);
  });
});
