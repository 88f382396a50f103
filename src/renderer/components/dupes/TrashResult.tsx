// What the last "move to trash" did: moved, left alone (with why) and failed (with why), and
// where what the user gave the moved photos went (the rule of keeper-marks.ts, as TrashDialog says).
import type { TrashReport } from '../../../shared/api';
import { formatCount } from '../../lib/format';

export const MOVED_HAND_OVER_TEXT = "The moved photos' favourites, descriptions, tags and places in albums pass to the photos kept (which keep their own); being archived does not.";

export function TrashResult({ result, onDismiss }: { result: TrashReport; onDismiss: () => void }) {
  const { moved, skipped, failed } = result;
  return (
    <div className={failed.length ? 'dupes-result dupes-result--failed' : 'dupes-result'} role="status">
      <div className="dupes-result__head">
        <h3 tabIndex={-1}>{moved.length ? `Moved ${formatCount(moved.length, 'photo')} to the trash` : 'Nothing was moved'}</h3>
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      {moved.length > 0 && <p className="muted small dupes-result__hand-over">{MOVED_HAND_OVER_TEXT}</p>}
      {moved.length > 0 && (
        <details>
          <summary>Moved</summary>
          <ul className="dupes-result__list">
            {moved.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </details>
      )}
      {skipped.length > 0 && <Reasons title={`Left alone (${skipped.length})`} items={skipped.map((s) => ({ path: s.path, why: s.reason }))} />}
      {failed.length > 0 && <Reasons title={`Could not move (${failed.length})`} items={failed.map((f) => ({ path: f.path, why: f.error }))} />}
    </div>
  );
}

function Reasons({ title, items }: { title: string; items: { path: string; why: string }[] }) {
  return (
    <>
      <h4>{title}</h4>
      <ul className="dupes-result__list">
        {items.map((item) => (
          <li key={item.path}>
            <span className="dupes-result__path">{item.path}</span> <span className="muted">— {item.why}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
