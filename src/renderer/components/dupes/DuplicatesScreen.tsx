// Duplicates review: find them (exact copies and edited versions; similar shots opt-in), see
// each picture's files side by side with the one to keep marked, change the keeper or skip a
// group, and move the rest to the trash, only after a confirmation. The engine checks
// everything again (src/core/api/dupes-trash.ts): the UI sends only non-keepers, plus the
// keeper chosen for each group so the engine knows which photo stays.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { DuplicateKind, TrashReport } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage } from '../../hooks/useAsync';
import type { ScreenProps } from '../../lib/screen';
import { formatCount, formatDate } from '../../lib/format';
import { ProgressLine } from '../JobProgress';
import { DuplicateGroupCard } from './DuplicateGroupCard';
import { duplicateSets, type DuplicateSet } from './duplicate-sets';
import { TrashDialog } from './TrashDialog';
import { TrashResult } from './TrashResult';
import { useDuplicateReport } from './useDuplicateReport';

type Choice = { keep: string; skip: boolean };

export function DuplicatesScreen({ library }: ScreenProps) {
  const client = useClient();
  const [reportState] = useDuplicateReport(library);
  const [kinds, setKinds] = useState<Record<DuplicateKind, boolean>>({ exact: true, near: true, similar: false });
  const [scanJobId, setScanJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [confirming, setConfirming] = useState(false);
  const [moving, setMoving] = useState(false);
  const [result, setResult] = useState<TrashReport | null>(null);
  const trashButton = useRef<HTMLButtonElement>(null);

  const running = library.jobs.find((j) => j.kind === 'dupes' && (j.state === 'running' || j.state === 'queued'));
  const scanJob = scanJobId ? library.jobs.find((j) => j.id === scanJobId) : undefined;
  const report = reportState.status === 'ready' ? reportState.value : null;
  const sets = useMemo(() => (report ? duplicateSets(report.groups) : []), [report]);

  const choiceOf = (set: DuplicateSet): Choice => {
    const c = choices[set.key];
    // A choice naming a photo no longer in the set (moved meanwhile) falls back to the suggestion.
    return { keep: c && set.members.some((m) => m.id === c.keep) ? c.keep : set.suggested, skip: c?.skip ?? false };
  };
  const chosen = sets.filter((s) => !choiceOf(s).skip).map((set) => ({ set, keep: choiceOf(set).keep }));
  const toTrash = chosen.flatMap(({ set, keep }) => set.members.filter((m) => m.id !== keep));
  const bytes = toTrash.reduce((n, m) => n + m.bytes, 0);
  const busy = running !== undefined || moving;

  const wasConfirming = useRef(false);
  useEffect(() => {
    // Back to the button that opened the dialog, for keyboard users.
    if (wasConfirming.current && !confirming) trashButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setResult(null);
    try {
      const job = await client.findDuplicates((Object.keys(kinds) as DuplicateKind[]).filter((k) => kinds[k]));
      setScanJobId(job.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const trash = async () => {
    setConfirming(false);
    setMoving(true);
    setError(null);
    try {
      setResult(await client.trashDuplicates(toTrash.map((m) => m.id), chosen.map((c) => c.keep)));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setMoving(false);
    }
  };

  const setChoice = (set: DuplicateSet, change: Partial<Choice>) => setChoices((all) => ({ ...all, [set.key]: { ...choiceOf(set), ...change } }));

  return (
    <section className="dupes" aria-labelledby="dupes-title">
      <header className="dupes__head">
        <h2 id="dupes-title">Duplicates</h2>
        <p className="muted">
          Copies and edited versions (resized, re-encoded, brightened, cropped) of the same photo. In each group the best one (highest resolution, then largest file) is suggested to keep; the others can go to the trash.
        </p>
      </header>

      <form className="dupes__find" onSubmit={(e) => void find(e)}>
        <fieldset className="dupes__kinds">
          <legend>Look for</legend>
          <Kind checked={kinds.exact} onChange={(v) => setKinds({ ...kinds, exact: v })} label="Exact copies" />
          <Kind checked={kinds.near} onChange={(v) => setKinds({ ...kinds, near: v })} label="Edited versions" />
          <Kind checked={kinds.similar} onChange={(v) => setKinds({ ...kinds, similar: v })} label="Similar shots" note="bursts and near-identical shots, as the model in use sees them: depends on the model, so check each group" />
        </fieldset>
        <button type="submit" className="button button--primary" disabled={busy || !Object.values(kinds).some(Boolean)}>
          Find duplicates
        </button>
      </form>

      {running && (moving ? <p className="dupes__note" role="status">Moving photos to the trash…</p> : <ProgressLine label="Finding duplicates" progress={running.progress} />)}
      {scanJob?.state === 'failed' && (
        <p className="form-error" role="alert">
          Finding duplicates failed: {scanJob.error}
        </p>
      )}
      {(error ?? (reportState.status === 'error' ? reportState.message : null)) && (
        <p className="form-error" role="alert">
          {error ?? (reportState.status === 'error' ? reportState.message : '')}
        </p>
      )}
      {result && <TrashResult result={result} onDismiss={() => setResult(null)} />}

      {report ? (
        <>
          <div className="dupes__bar">
            <p className="dupes__summary">
              {sets.length === 0 ? 'No duplicates found' : `${formatCount(sets.length, 'group')}, ${formatCount(sets.reduce((n, s) => n + s.members.length - 1, 0), 'photo')} could go`}
              <span className="muted small">
                {' '}
                · {formatCount(report.photos, 'photo')} scanned {formatDate(report.scannedAt)}
              </span>
            </p>
            {sets.length > 0 && (
              <button type="button" className="button button--danger-solid" ref={trashButton} disabled={busy || toTrash.length === 0} onClick={() => setConfirming(true)}>
                Move {formatCount(toTrash.length, 'photo')} to trash
              </button>
            )}
          </div>
          <ul className="dupes__groups" aria-label="Duplicate groups">
            {sets.map((set) => {
              const choice = choiceOf(set);
              return <DuplicateGroupCard key={set.key} set={set} keep={choice.keep} skip={choice.skip} onKeep={(id) => setChoice(set, { keep: id })} onSkip={(skip) => setChoice(set, { skip })} />;
            })}
          </ul>
        </>
      ) : (
        reportState.status === 'ready' && !running && <p className="muted">No scan yet: choose what to look for and press Find duplicates.</p>
      )}

      {confirming && <TrashDialog paths={toTrash.map((m) => m.path)} bytes={bytes} onConfirm={() => void trash()} onCancel={() => setConfirming(false)} />}
    </section>
  );
}

function Kind({ checked, onChange, label, note }: { checked: boolean; onChange: (v: boolean) => void; label: string; note?: string }) {
  return (
    <label className="dupes__kind">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {label}
        {note && <span className="muted small"> ({note})</span>}
      </span>
    </label>
  );
}
