// The summary's account of the scan behind the report shown: how many photos it looked at, when,
// and for what (the "Look for" boxes may say otherwise once changed, and another device or the
// CLI may have scanned). After a trash the report holds fewer photos than the scan looked at:
// both are said, never the smaller one as "scanned". A scan narrowed by `shoebox dupes --folder`
// or `--threshold` says so: it must not read as the whole library's.
import type { DuplicateKind, DuplicateReport } from '../../../shared/api';
import { formatCount, formatDate } from '../../lib/format';
import { DEFAULT_DUPLICATE_KINDS, duplicateKindsText } from '../../../shared/duplicate-picture';

/** "58 photos scanned May 3, 2025, 10:00 AM for exact copies and edited versions (27 since moved, deleted or changed)";
 *  narrowed: "12 photos under /photos/2019 (not the whole library) scanned … for similar shots at threshold 0.5". */
export function scanText(report: Pick<DuplicateReport, 'scanned' | 'photos' | 'scannedAt' | 'kinds' | 'folder' | 'threshold'>): string {
  const where = report.folder === undefined ? '' : ` under ${report.folder} (not the whole library)`;
  const threshold = report.threshold === undefined ? '' : ` at threshold ${report.threshold}`;
  const when = `${formatDate(report.scannedAt)} for ${duplicateKindsText(report.kinds)}${threshold}`;
  // A report saved before `scanned` was kept: its count may be lowered already, so none is said.
  if (report.scanned === undefined) return `scanned${where} ${when}`;
  const gone = report.scanned - report.photos;
  return `${formatCount(report.scanned, 'photo')}${where} scanned ${when}${gone > 0 ? ` (${gone.toLocaleString()} since moved, deleted or changed)` : ''}`;
}

/** The "Look for" boxes as a report's kinds: what a report shown before any box is touched looked for. */
export function kindsChecked(kinds: readonly DuplicateKind[]): Record<DuplicateKind, boolean> {
  return { exact: kinds.includes('exact'), near: kinds.includes('near'), similar: kinds.includes('similar') };
}

/** What the boxes start as with no report: what a scan looks for unless asked otherwise. */
export const DEFAULT_KINDS: Record<DuplicateKind, boolean> = kindsChecked(DEFAULT_DUPLICATE_KINDS);
