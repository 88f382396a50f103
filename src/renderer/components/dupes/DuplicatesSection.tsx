// Sidebar entry to the duplicates review, with how many groups the last scan left to review.
import type { ScreenProps } from '../../lib/screen';
import { useDuplicateReport } from './useDuplicateReport';

export function DuplicatesSection({ screen, navigate, library }: ScreenProps) {
  // Only the count is needed: the smallest page carries the report's total, which the core
  // counts over the groups still standing (dupes-standing.ts), the number the review shows.
  const { state } = useDuplicateReport(library, { limit: 1 });
  const groups = state.status === 'ready' && state.value.report ? state.value.report.total : null;
  const selected = screen.kind === 'duplicates';
  return (
    <>
      <div className="sidebar__section">
        <h2>Clean up</h2>
      </div>
      <button
        type="button"
        className={selected ? 'sidebar__all sidebar__all--selected' : 'sidebar__all'}
        aria-pressed={selected}
        title={groups === null ? 'Find duplicate photos' : `${groups} groups of duplicates in the last scan`}
        onClick={() => navigate({ kind: 'duplicates' })}
      >
        <span>Duplicates</span>
        {groups !== null && (
          <span className="muted" aria-label={`${groups} ${groups === 1 ? 'group' : 'groups'}`}>
            {groups.toLocaleString()}
          </span>
        )}
      </button>
    </>
  );
}
