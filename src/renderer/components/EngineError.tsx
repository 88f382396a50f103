import { useState } from 'react';
import { useClient } from '../client/ClientContext';
import { errorMessage } from '../hooks/useAsync';

/** The engine's one line for a damaged store file (src/core/store/store-health.ts). */
const DAMAGED = /^library damaged:/;

/**
 * The library cannot be reached or opened (another Shoebox is writing to it, the engine
 * stopped, a store file is damaged). Damage offers the repair (`shoebox repair` as a job):
 * the library comes back when the job is done, as the job's event refreshes the status.
 */
export function EngineError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const client = useClient();
  const [repair, setRepair] = useState<{ state: 'idle' | 'running' } | { state: 'failed'; error: string }>({ state: 'idle' });
  const damaged = DAMAGED.test(message);

  const startRepair = async () => {
    setRepair({ state: 'running' });
    try {
      await client.repairLibrary();
    } catch (e) {
      setRepair({ state: 'failed', error: errorMessage(e) });
    }
  };

  return (
    <section className="empty-state" role="alert" aria-labelledby="engine-error-title">
      <h2 id="engine-error-title">{damaged ? 'The library is damaged' : 'Shoebox cannot open the library'}</h2>
      <p>{damaged ? message.replace(/; run 'shoebox repair'$/, '.') : message}</p>
      {damaged && (
        <p className="muted small">
          Repair takes each damaged table back to its last readable version; photos it loses are indexed again. Your photo files are not touched.
        </p>
      )}
      {repair.state === 'failed' && <p role="status">Repair failed: {repair.error}</p>}
      {damaged ? (
        <button type="button" className="button button--primary" onClick={() => void startRepair()} disabled={repair.state === 'running'}>
          {repair.state === 'running' ? 'Repairing…' : 'Repair library'}
        </button>
      ) : (
        <button type="button" className="button button--primary" onClick={onRetry}>
          Try again
        </button>
      )}
    </section>
  );
}
