import type { ConnectionState } from '../client/client';

/** Shown while `shoebox serve` cannot be reached (it stopped, or restarted with a new token). */
export function ConnectionBanner({ state }: { state: ConnectionState }) {
  if (state !== 'lost') return null;
  return (
    <div className="banner" role="alert">
      Lost the connection to Shoebox; trying again… If you restarted <code>shoebox serve</code>, open the new URL it printed.
    </div>
  );
}
