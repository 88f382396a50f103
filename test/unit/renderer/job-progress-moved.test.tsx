// A renamed file, to the indexer a new path and a gone one, is said as a move by the app's job
// line as by `shoebox index` ("1 added (1 moved or copied) … 1 removed"): the core's job result
// carries the count (index-summary.ts), and the clause is one wording (shared/moved-text.ts).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { JobState } from '../../../src/shared/api';
import { JobProgress } from '../../../src/renderer/components/JobProgress';
import { emptySummary, indexJobResult } from '../../../src/core/library/index-summary';
import { addedText } from '../../../src/cli/added-count';

const renamed = { ...emptySummary(), added: 1, moved: 1, removed: 1 };

function doneJob(result: JobState['result']): JobState {
  return { id: 'j', kind: 'index', folder: '/m', state: 'done', progress: null, result, error: null, queuedAt: 0, startedAt: 0, finishedAt: 0 };
}

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('a renamed file after indexing', () => {
  it('keeps the move in the job result the app gets', () => {
    expect(indexJobResult(renamed)).toMatchObject({ added: 1, moved: 1, removed: 1 });
    expect(indexJobResult({ ...renamed, moved: 0 })).not.toHaveProperty('moved');
  });

  it('is said as a move in the app, as the CLI says it', () => {
    expect(text(renderToStaticMarkup(<JobProgress job={doneJob(indexJobResult(renamed))} />))).toBe('Indexed: 1 new photo (1 moved or copied), 1 removed');
    expect(addedText(renamed)).toBe('1 added (1 moved or copied)');
  });

  it('says nothing of moves when there were none', () => {
    expect(text(renderToStaticMarkup(<JobProgress job={doneJob(indexJobResult({ ...renamed, moved: 0 }))} />))).toBe('Indexed: 1 new photo, 1 removed');
    expect(addedText({ added: 3, moved: 0, newToModel: 0 })).toBe('3 added');
  });
});
