// Paging through the duplicate groups: "Groups 26–50 of 3,412" and first / previous / next /
// last. A few dozen groups per page keep the screen light at any library size (each group
// shows a thumbnail per photo).
import { formatCount } from '../../lib/format';

interface PageControlsProps {
  /** First group shown (0-based), groups on this page, groups in the whole report. */
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  onOffset: (offset: number) => void;
  /** Names the control for assistive technology (there is one above and one below the list). */
  label: string;
}

export function pageRange(offset: number, shown: number, total: number): string {
  if (shown === 0) return `No groups here (of ${formatCount(total, 'group')})`;
  if (shown === 1) return `Group ${(offset + 1).toLocaleString()} of ${total.toLocaleString()}`;
  return `Groups ${(offset + 1).toLocaleString()}–${(offset + shown).toLocaleString()} of ${total.toLocaleString()}`;
}

export function PageControls({ offset, shown, total, pageSize, onOffset, label }: PageControlsProps) {
  const page = Math.floor(offset / pageSize);
  const last = Math.max(0, Math.ceil(total / pageSize) - 1);
  const go = (p: number) => onOffset(Math.min(last, Math.max(0, p)) * pageSize);
  return (
    <nav className="dupes-pages" aria-label={label}>
      <span className="dupes-pages__range">{pageRange(offset, shown, total)}</span>
      {last > 0 && (
        <span className="dupes-pages__buttons">
          <button type="button" className="button" disabled={page === 0} onClick={() => go(0)} aria-label="First page">
            «
          </button>
          <button type="button" className="button" disabled={page === 0} onClick={() => go(page - 1)}>
            Previous
          </button>
          <span className="dupes-pages__page">
            Page {(page + 1).toLocaleString()} of {(last + 1).toLocaleString()}
          </span>
          <button type="button" className="button" disabled={page >= last} onClick={() => go(page + 1)}>
            Next
          </button>
          <button type="button" className="button" disabled={page >= last} onClick={() => go(last)} aria-label="Last page">
            »
          </button>
        </span>
      )}
    </nav>
  );
}
