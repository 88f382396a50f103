// A progress bar on stderr, drawn only when a person watches a terminal.
import { statusLine } from '../base/status-line';
import type { IndexProgress } from '../shared/api';

export function progressBar(enabled: boolean): { update(p: IndexProgress): void; end(): void } {
  const line = statusLine({ enabled });
  return {
    update(p) {
      if (p.total === 0) return;
      const width = 30;
      const filled = Math.round((p.done / p.total) * width);
      const eta = p.etaSeconds === null ? '' : ` ETA ${formatSeconds(p.etaSeconds)}`;
      line.show(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} ${p.rate.toFixed(1)} photos/s${eta}`, p.done >= p.total);
    },
    end: () => line.end(),
  };
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.ceil(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
