// A renamed file, to the indexer a new path and a gone one, is said once, as a move, by the
// app's job line as by `shoebox index` and `shoebox watch`: "removed" counts only the photos
// gone. The core's job result carries the counts as the summary has them (index-summary.ts),
// and the rule is one (shared/moved-text.ts).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { JobState } from '../../../src/shared/api';
import { JobProgress } from '../../../src/renderer/components/JobProgress';
import { emptySummary, indexJobResult } from '../../../src/core/library/index-summary';
import { addedText, removedCount } from '../../../src/cli/added-count';

const renamed = { ...emptySummary(), added: 1, moved: 1, removed: 1 };
/** A folder of 197 photos renamed, 5 of them deleted, 2 new ones: as the indexer counts it. */
const folderRenamed = { ...emptySummary(), added: 199, moved: 197, removed: 202 };

function doneJob(result: JobState['result']): JobState {
  return { id: 'j', kind: 'index', folder: '/m', state: 'done', progress: null, result, error: null, queuedAt: 0, startedAt: 0, finishedAt: 0 };
}

const text = (html: string) => html.replace(/<[^>]+>/g, '');
const appLine = (s: typeof renamed) => text(renderToStaticMarkup(<JobProgress job={doneJob(indexJobResult(s))} />));
/** The counts of `shoebox watch`'s line (index's has "unchanged" too between updated and removed). */
const cliLine = (s: typeof renamed) => `${addedText(s)}, ${s.updated} updated, ${removedCount(s)} removed`;

describe('a renamed file after indexing', () => {
  it('keeps the summary’s counts in the job result the app gets (as --json has them)', () => {
    expect(indexJobResult(renamed)).toMatchObject({ added: 1, moved: 1, removed: 1 });
    expect(indexJobResult({ ...renamed, moved: 0 })).not.toHaveProperty('moved');
  });

  it('is said once, as a move, in the app as in the CLI', () => {
    expect(appLine(renamed)).toBe('Indexed: 1 photo moved');
    expect(cliLine(renamed)).toBe('0 added, 1 moved, 0 updated, 0 removed');
  });

  it('counts as removed only the photos gone, not the paths a renamed folder left', () => {
    expect(cliLine(folderRenamed)).toBe('2 added, 197 moved, 0 updated, 5 removed');
    expect(appLine(folderRenamed)).toBe('Indexed: 2 new photos, 197 photos moved, 5 removed');
  });

  it('says nothing of moves when there were none', () => {
    expect(appLine({ ...renamed, moved: 0 })).toBe('Indexed: 1 new photo, 1 removed');
    expect(addedText({ added: 3, moved: 0, removed: 0, newToModel: 0 })).toBe('3 added');
    expect(appLine(emptySummary())).toBe('Indexed: 0 new photos');
  });
});
