import type { RepairJob } from '../hooks/useRepairJob';

/**
 * The library cannot be reached or opened (another Shoebox is writing to it, the engine
 * stopped, a store file is damaged). Damage offers the repair (`shoebox repair` as a job, kept
 * by the page: useRepairJob): the library comes back when the job is done, as the job's event
 * refreshes the status, and the page then says what the repair did (RepairReport).
 * `damaged`: the message is the library's damage, as the core said it (status' `damaged`, or a
 * read's LibraryDamagedError: lib/library-damage.ts), never guessed from the message's words.
 */
export function EngineError({ message, damaged = false, onRetry, repair }: { message: string; damaged?: boolean; onRetry: () => void; repair: RepairJob }) {
  return (
    <section className="empty-state" role="alert" aria-labelledby="engine-error-title">
      <h2 id="engine-error-title">{damaged ? 'The library is damaged' : 'Shoebox cannot open the library'}</h2>
      <p>{damaged ? message.replace(/; run 'shoebox repair'$/, '.') : message}</p>
      {damaged && (
        <p className="muted small">
          Repair takes each damaged table back to its last readable version; photos it loses are indexed again. Your photo files are not touched.
        </p>
      )}
      {damaged && repair.error !== null && <p role="status">Repair failed: {repair.error}</p>}
      {damaged ? (
        // Done, the panel goes once the status says the library is whole (a moment later): no
        // second repair meanwhile, under the report of the first.
        <button type="button" className="button button--primary" onClick={repair.start} disabled={repair.running || repair.done !== null}>
          {repair.running ? 'Repairing…' : 'Repair library'}
        </button>
      ) : (
        <button type="button" className="button button--primary" onClick={onRetry}>
          Try again
        </button>
      )}
    </section>
  );
}
