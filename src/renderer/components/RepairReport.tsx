import type { JobResult } from '../../shared/api';
import '../styles/repair-report.css';

/** An engine line as a sentence on screen ("library repaired: …" → "Library repaired: …."); a
 *  table's line ("favourites: …") keeps the table's name as the library spells it. */
function sentence(line: string): string {
  const start = /^[a-z]+ /.test(line) ? line.charAt(0).toUpperCase() + line.slice(1) : line;
  return /[.!?]$/.test(start) ? start : `${start}.`;
}

/**
 * What Repair library did, in the core's words (the lines `shoebox repair` prints: the job's
 * summary, then a line for each damaged table and where the damaged files were kept), over
 * the library it brought back, until dismissed.
 */
export function RepairReport({ result, onDismiss }: { result: JobResult; onDismiss: () => void }) {
  return (
    <section className="reading-banner" aria-label="Repair">
      <div className="repair-report" role="status">
        <p>
          <strong>{sentence(result.summary ?? 'library repaired')}</strong>
        </p>
        {result.details && result.details.length > 0 && (
          <ul>
            {result.details.map((line) => (
              <li key={line}>{sentence(line)}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
