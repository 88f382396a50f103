// The scoring the OCR tests and bench rely on: a helper that could not fail would make them
// unable to fail too.
import { describe, expect, it } from 'vitest';
import { scoreWords } from '../../helpers/ocr-words';

describe('scoreWords', () => {
  it('finds words case- and punctuation-blind, one misread letter allowed in long words', () => {
    const s = scoreWords('Museum closed on Mondays', 'MUSEUM CL0SED, on Mondays!');
    expect(s).toMatchObject({ expected: 4, found: 4, read: 4, matched: 4, missing: [], extra: [] });
  });

  it('misses short words that are misread and long ones two letters off', () => {
    const s = scoreWords('open 24 hours daily', 'opem 25 hours dxilx');
    expect(s.missing).toEqual(['open', '24', 'daily']);
    expect(s.extra).toEqual(['opem', '25', 'dxilx']);
  });

  it('counts words run together as found, and other text as invented', () => {
    const s = scoreWords('OPEN 24 HOURS', 'OPEN24HOURS Bangor');
    expect(s.found).toBe(3);
    expect(s.extra).toEqual(['bangor']);
  });
});
