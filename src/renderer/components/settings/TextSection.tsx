import { useRef, useState } from 'react';
import type { JobState } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { useAsync } from '../../hooks/useAsync';
import { useLibraryEvents } from '../../hooks/useLibraryEvents';
import { changesWaitText, useViewingOnlyReason } from '../../hooks/useViewingOnly';
import { ProgressLine } from '../JobProgress';
import { textCostLine } from './text-cost';
import { finishedReadingText } from './finished-reading-text';

/**
 * The library setting "Text in photos" (issue #14): off by default because reading a photo's
 * text costs about as much CPU as embedding it. Turned on, the photos without text are read
 * in the background (one 'read-text' job, whose progress shows here), and the search box's
 * "Text in photo" mode finds them by their words. The cost shown is the engine's: measured on
 * this computer once it has read a few photos, else the bench's estimate.
 */
/** How often the counts are read again while the reading job runs. */
const COUNTS_EVERY_MS = 3000;

export function TextSection() {
  const client = useClient();
  // A library setting: not changed while the library is only viewed here (no model here, or
  // another process writes it).
  const viewingOnly = useViewingOnlyReason();
  const [state, reload] = useAsync(() => client.textInPhotos(), [client]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The switch shows the choice at once; the saved state (and counts) follow.
  const [chosen, setChosen] = useState<boolean | null>(null);
  // The reading job while it runs; the counts reload when it ends.
  const [reading, setReading] = useState<JobState | null>(null);
  // The last reading job that ended: what it read and how long it took (as `shoebox index` says).
  const [finished, setFinished] = useState<JobState | null>(null);
  // While it runs, the counts are read again every few seconds, so the line is right the
  // moment the reading ends.
  const countsReadAt = useRef(0);
  useLibraryEvents((event) => {
    if (event.type !== 'job' || event.job.kind !== 'read-text') return;
    const running = event.job.state === 'running' || event.job.state === 'queued';
    setReading(running ? event.job : null);
    if (event.job.state === 'done') setFinished(event.job);
    if (!running || Date.now() - countsReadAt.current > COUNTS_EVERY_MS) {
      countsReadAt.current = Date.now();
      reload();
    }
  });

  const lastReading = reading ? null : finishedReadingText(finished);

  const toggle = async (on: boolean) => {
    setBusy(true);
    setError(null);
    setChosen(on);
    try {
      await client.setTextInPhotos(on);
      reload();
    } catch (err) {
      setChosen(null);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="settings-text-title">
      <h3 id="settings-text-title">Text in photos</h3>
      {state.status === 'ready' && (
        <>
          <label className="settings__check">
            <input type="checkbox" checked={chosen ?? state.value.on} disabled={busy || viewingOnly !== false} onChange={(event) => void toggle(event.target.checked)} />
            Read the text in photos (signs, receipts, screenshots)
          </label>
          {viewingOnly && <p className="muted small">{changesWaitText(viewingOnly)}.</p>}
          {/* While the reading runs its progress line says how far it is (the counts, read
              every few seconds from what is committed, lag behind it and disagreed). */}
          {!(state.value.on && reading?.state === 'running') && (
            <p className="muted small">{textCostLine(state.value)}</p>
          )}
          {reading?.state === 'running' && <ProgressLine label="Reading text" progress={reading.progress} />}
          {lastReading && <p className="muted small">{lastReading}</p>}
        </>
      )}
      {state.status === 'error' && <p className="form-error">{state.message}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
