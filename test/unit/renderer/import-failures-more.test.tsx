// The import form's "and N more" counts every file that failed and is not named: a destination
// that could not be written is one entry standing for all the files it stopped (its `files`),
// and the job names at most MAX_JOB_FAILURES entries, so neither the entries' count nor their
// words tell how many are left. One read-only folder plus 120 damaged files: 116 more, not 45.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MAX_JOB_FAILURES, type JobResult } from '../../../src/shared/api';
import { ImportFailures } from '../../../src/renderer/components/ImportPhotosForm';

/** A job's result as the core caps it: the destination's entry first, then the damaged files. */
function result(destinationFiles: number, damaged: number): JobResult {
  const destination = { path: '/Photos/Import', reason: 'cannot write into /Photos/Import/2019/2019-05-01: permission denied (EACCES)', files: destinationFiles };
  const perFile = Array.from({ length: damaged }, (_, i) => ({ path: `/media/card/DCIM/IMG_${i}.JPG`, reason: 'EIO: i/o error, read' }));
  return { added: 0, updated: 0, removed: 0, embedded: 0, failed: destinationFiles + damaged, failures: [destination, ...perFile].slice(0, MAX_JOB_FAILURES) };
}

describe('an import’s failures past the list’s cap', () => {
  it('counts every damaged file not named beside a destination that stopped one file', () => {
    const html = renderToStaticMarkup(<ImportFailures result={result(1, 120)} />);
    expect(html.match(/<li title=/g)).toHaveLength(5);
    expect(html).toContain('and 116 more');
  });

  it('does not count the destination’s files again: they are said in its one entry', () => {
    const html = renderToStaticMarkup(<ImportFailures result={result(10, 120)} />);
    expect(html).toContain('and 116 more');
    expect(renderToStaticMarkup(<ImportFailures result={result(700, 0)} />)).not.toContain('more');
    expect(renderToStaticMarkup(<ImportFailures result={result(700, 6)} />)).toContain('and 2 more');
  });
});
