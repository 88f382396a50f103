// The line after Export… (the selection bar's and an album's): what the folder holds now, and which of those were
// there already from an earlier export (run again, it writes nothing new and must not seem to).
import type { AlbumExportReport } from '../../shared/api';
import { itemsText } from '../../shared/count-text';
import { unturnedText } from '../../shared/export-text';
import { copiesAsShownText, keptSidecarsText, uneditedText } from '../../shared/export-copies-text';
import { formatCount } from './format';

/** "Exported 3 photos to /x." (and those there already, the first failure, what the copies carry of Shoebox's turns and edits and what they could not). */
export function exportResultText(report: AlbumExportReport, copy: boolean): string {
  const there = report.alreadyThere === 0 ? '' : report.alreadyThere >= report.exported ? ` (${report.exported === 1 ? 'it was' : 'all were'} there already: nothing new written)` : ` (${report.alreadyThere.toLocaleString()} of them there already)`;
  const failed = report.failed.length ? ` ${report.failed.length} failed: ${report.failed[0]!.path}: ${report.failed[0]!.error}.` : '';
  // Photos and videos said apart, as the grid and status say them ("3 photos, 1 video").
  // What the copies carry, and what they could not, in the core's words (the CLI's too).
  const notes = [copiesAsShownText(report.turned, report.edited ?? 0), unturnedText(report.unturned.length, copy), uneditedText(report.unedited?.length ?? 0, copy), keptSidecarsText(report.keptSidecars?.length ?? 0)].filter(Boolean);
  return `Exported ${itemsText(report.exported, report.videos, formatCount)} to ${report.dir}${there}.${failed}${notes.map((n) => ` ${n}.`).join('')}`;
}
