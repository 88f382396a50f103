import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { baseName, pathInFolder } from '../lib/format';

const SHOWN = 100;

/** Files under a folder that could not be indexed, each with the reason. */
export function FailureList({ folder, count }: { folder: string; count: number }) {
  const client = useClient();
  const [state] = useAsync(() => client.listFailures({ folder, limit: SHOWN }), [client, folder, count]);
  if (state.status === 'loading') return <p className="muted small">Loading…</p>;
  if (state.status === 'error') return <p className="form-error">{state.message}</p>;
  const { failures, total } = state.value;
  return (
    <ul className="failures" aria-label={`Files in ${baseName(folder)} that could not be indexed`}>
      {failures.map((f) => (
        <li key={f.path} title={f.path}>
          {/* Where it is inside the folder: two files named bad.jpg in different subfolders stay apart. */}
          <span className="failures__name">{pathInFolder(folder, f.path)}</span>
          <span className="failures__reason">{f.reason}</span>
        </li>
      ))}
      {total > failures.length && <li className="muted">and {(total - failures.length).toLocaleString()} more</li>}
    </ul>
  );
}
