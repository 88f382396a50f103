// The "Text in photo" query, built once (src/shared/search.ts) for the app's search box
// (renderer lib/text-query.ts) and `shoebox search --text` (cli search.ts): both must ask the
// engine the same question, whatever quote marks were typed, and the parser must read the
// words back as one text: term.
import { describe, expect, it } from 'vitest';
import { withPhotoText } from '../../../src/cli/commands/search';
import { parseQueryParts } from '../../../src/core/search/query-parser';
import { toTextQuery } from '../../../src/renderer/lib/text-query';
import { photoTextTerm, withPhotoTextTerm } from '../../../src/shared/search';

const noFiles = { probe: () => null };

describe('the "Text in photo" query', () => {
  it('is the same from the app and the CLI, for straight, curly and low quotes', () => {
    for (const typed of ['open 24 hours', 'say "open"', 'say \u201copen\u201d', '\u201eopen\u201d late', '\u00abopen\u00bb']) {
      expect(toTextQuery(typed), typed).toBe(photoTextTerm(typed));
      expect(withPhotoText('', typed), typed).toBe(photoTextTerm(typed));
      const parsed = parseQueryParts(toTextQuery(typed), noFiles);
      expect(parsed.terms, typed).toEqual([]);
      expect(parsed.photoText, typed).toEqual([typed.replace(/["\u201c\u201d\u201e\u00ab\u00bb]/g, ' ').replace(/\s+/g, ' ').trim()]);
    }
  });

  it('keeps a blank box blank and joins a query of its own after the term', () => {
    expect(photoTextTerm('  "" ')).toBe('');
    expect(withPhotoTextTerm('neon', 'open')).toBe('text:"open" + neon');
    expect(withPhotoTextTerm('- people', 'open')).toBe('text:"open" - people');
    expect(() => withPhotoText('neon', ' \u201c\u201d ')).toThrow(/--text: give the words/);
  });
});
