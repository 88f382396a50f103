import type { ConnectionState } from '../client/client';

/** Shown while `shoebox serve` cannot be reached (it stopped: the page tries again), or once
 *  it refused this page's token (restarted with a new one: the page stops trying). */
export function ConnectionBanner({ state }: { state: ConnectionState }) {
  if (state === 'ended') {
    return (
      <div className="banner" role="alert">
        Shoebox refused this page: open the address <code>shoebox serve</code> printed (it makes a new one each time it starts).
      </div>
    );
  }
  if (state !== 'lost') return null;
  return (
    <div className="banner" role="alert">
      Lost the connection to Shoebox; trying again… If you restarted <code>shoebox serve</code>, open the new URL it printed.
    </div>
  );
}
