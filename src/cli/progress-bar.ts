// A progress bar on stderr, drawn only when a person watches a terminal. It counts what the
// running job counts: an index run's photos and videos, then the photos whose text is read, so
// its rate says "items/s". Any other stderr line while it is drawn goes through note(), which
// ends the bar's line first: a log line ("text in photos: reading the text of 10 photos") would
// otherwise run on after "ETA 0s".
import { statusLine } from '../base/status-line';
import type { IndexProgress } from '../shared/api';

export interface ProgressBar {
  update(p: IndexProgress): void;
  /** Writes a whole line to stderr below the bar (which is drawn again on the next update). */
  note(line: string): void;
  end(): void;
}

export function progressBar(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const line = statusLine({ enabled, stream });
  return {
    update(p) {
      if (p.total === 0) return;
      const width = 30;
      const filled = Math.round((p.done / p.total) * width);
      const eta = p.etaSeconds === null ? '' : ` ETA ${formatSeconds(p.etaSeconds)}`;
      line.show(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} ${p.rate.toFixed(1)} items/s${eta}`, p.done >= p.total);
    },
    note(text) {
      line.end();
      stream.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    end: () => line.end(),
  };
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.ceil(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
