// Sizes as the app and the terminal both write them (`shoebox show`, `dupes`, `models`, the
// viewer's details, the trash dialog, a model's download): "2.4 MB" in both, not "2.35 MB" in one.
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/shared/bytes-text';

describe('formatBytes', () => {
  it('writes sizes in decimal units as a person reads them: no spurious ".0", one decimal only under 10', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1000)).toBe('1 KB');
    expect(formatBytes(6_490)).toBe('6.5 KB');
    expect(formatBytes(2_350_000)).toBe('2.4 MB');
    expect(formatBytes(608_000_000)).toBe('608 MB');
    expect(formatBytes(609_960_000)).toBe('610 MB');
    // Rounded before the unit is chosen: never "1000 MB".
    expect(formatBytes(999_999_999)).toBe('1 GB');
    expect(formatBytes(1_500_000_000)).toBe('1.5 GB');
    expect(formatBytes(2_000_000_000)).toBe('2 GB');
    expect(formatBytes(3e15)).toBe('3,000 TB');
  });
});
