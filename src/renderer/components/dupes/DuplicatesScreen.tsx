// Duplicates review: find them (exact copies and edited versions; similar shots opt-in), see
// each picture's files side by side with the one to keep marked, change the keeper or skip a
// group, and move the rest to the trash, only after a confirmation. The engine checks
// everything again (src/core/api/dupes-trash.ts): the UI sends only non-keepers, plus the
// keeper chosen for each group so the engine knows which photo stays.
//
// A large library can have thousands of groups: they come a page at a time from the engine,
// and the trash covers the groups on the pages the user has looked at (review-selection.ts).
//
// "Not duplicates" on a group is remembered by the engine (by content, across rescans); the
// card stays on screen with Undo until the report is next fetched, and its photos stay.
//
// The choices (keepers, skipped groups, the pages looked at, what to look for) are kept for
// the session (useSessionState); what to look for starts as the shown report's kinds: leaving for another screen and coming back shows them as
// they were. A group the core holds back (similar shots: other photos, not copies) starts
// skipped (choiceOf); the pictures come grouped and ordered by the core (DuplicateReport.pictures).
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { DuplicateKind, TrashReport } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage } from '../../hooks/useAsync';
import { refocusWhenLost } from '../../hooks/useRefocus';
import { useSessionState } from '../../hooks/useSessionState';
import type { ScreenProps } from '../../lib/screen';
import { formatCount } from '../../lib/format';
import { ProgressLine } from '../JobProgress';
import { DuplicateGroupCard } from './DuplicateGroupCard';
import { duplicateSets, type DuplicateSet } from './duplicate-sets';
import { PageControls } from './PageControls';
import { DEFAULT_KINDS, kindsChecked, scanText } from './report-summary';
import { choiceOf, heldForSimilarShots, notePage, NOTHING_REVIEWED, reviewedSets, trashSelection, type Choice, type ReviewedPages } from './review-selection';
import { TrashDialog } from './TrashDialog';
import { TrashResult } from './TrashResult';
import { useDuplicateReport } from './useDuplicateReport';

/** How long after "Find duplicates" a focus fallen to the page goes to Stop, then the summary. */
const SCAN_FOCUS_MS = 30_000;

/** Groups per page: enough to review at a glance, few enough thumbnails to stay quick. */
export const GROUPS_PER_PAGE = 25;

export function DuplicatesScreen({ library }: ScreenProps) {
  const client = useClient();
  const [offset, setOffset] = useState(0);
  const { state: reportState, version } = useDuplicateReport(library, { offset, limit: GROUPS_PER_PAGE });
  /** The boxes the user ticked this session; null until one is touched (see `kinds`). */
  const [chosenKinds, setKinds] = useSessionState<Record<DuplicateKind, boolean> | null>('dupes.kinds', null);
  const [scanJobId, setScanJobId] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useSessionState<Record<string, Choice>>('dupes.choices', {});
  const [reviewed, setReviewed] = useSessionState<ReviewedPages>('dupes.reviewed', NOTHING_REVIEWED);
  const [confirming, setConfirming] = useState(false);
  const [moving, setMoving] = useState(false);
  const [result, setResult] = useState<TrashReport | null>(null);
  /** Decisions made on this screen, by set key: the decision's id, for Undo. */
  const [decisions, setDecisions] = useSessionState<Record<string, string>>('dupes.decisions', {});
  const [deciding, setDeciding] = useState<string | null>(null);
  const trashButton = useRef<HTMLButtonElement>(null);
  const summary = useRef<HTMLParagraphElement>(null);
  const groupList = useRef<HTMLUListElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);

  const running = library.jobs.find((j) => j.kind === 'dupes' && (j.state === 'running' || j.state === 'queued'));
  const scanJob = scanJobId ? library.jobs.find((j) => j.id === scanJobId) : undefined;
  const page = reportState.status === 'ready' ? reportState.value : null;
  const report = page?.report ?? null;
  const sets = useMemo(() => (report ? duplicateSets(report.pictures) : []), [report]);
  // Until a box is touched they say what the report on screen looked for (a reload after a scan
  // with similar shots must not show them unticked beside similar groups), else the defaults.
  const kinds = chosenKinds ?? (report ? kindsChecked(report.kinds) : DEFAULT_KINDS);

  // A new report (a scan, or photos moved) starts the review again from its first page.
  const shownVersion = useRef(version);
  useEffect(() => {
    if (shownVersion.current !== version) setOffset(0);
    shownVersion.current = version;
  }, [version]);
  // The choices belong to one scan's report: another scan, or another library's report (the
  // library switched in Settings, the page not reloaded), starts them afresh. Before the page
  // is noted below, so a new report's first page is kept.
  const [reviewedScan, setReviewedScan] = useSessionState<number | null>('dupes.scannedAt', null);
  const scannedAt = page?.report?.scannedAt ?? null;
  useEffect(() => {
    if (scannedAt === null || scannedAt === reviewedScan) return;
    if (reviewedScan !== null) {
      setChoices({});
      setDecisions({});
      setReviewed(NOTHING_REVIEWED);
    }
    setReviewedScan(scannedAt);
  }, [scannedAt]);
  useEffect(() => {
    if (!page?.report) return;
    const { report: shown } = page;
    // Groups dropped since (deleted photos) can leave a page past the end: show the last one.
    if (shown.offset > 0 && shown.offset >= shown.total) setOffset(Math.max(0, Math.ceil(shown.total / GROUPS_PER_PAGE) - 1) * GROUPS_PER_PAGE);
    else setReviewed((r) => notePage(r, page.version, shown.offset, duplicateSets(shown.pictures), shown.largePictures));
  }, [page]);

  const seen = reviewedSets(reviewed);
  // A group just said to be no duplicates counts as skipped; the large pictures are the core's.
  const selection = trashSelection(seen, choices, decisions, reviewed.large);
  const busy = running !== undefined || moving;

  const wasConfirming = useRef(false);
  useEffect(() => {
    // Back to the button that opened the dialog, for keyboard users.
    if (wasConfirming.current && !confirming) trashButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  // The end of a scan started here takes the Stop button away (the focus, after "Find
  // duplicates", was on it): the report's summary has the focus then; a focus put elsewhere
  // stays. Other jobs' ends (a trash, whose result takes the focus itself) are not this.
  const runningJob = useRef(running?.id);
  useEffect(() => {
    if (!running) setStopping(false);
    if (!running && runningJob.current !== undefined && runningJob.current === scanJobId) refocusWhenLost(() => summary.current);
    runningJob.current = running?.id;
  }, [running]);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setResult(null);
    try {
      const job = await client.findDuplicates((Object.keys(kinds) as DuplicateKind[]).filter((k) => kinds[k]));
      setScanJobId(job.id);
      // "Find duplicates" is disabled while the scan runs, and the focus would fall to the page:
      // Stop, shown beside the progress, takes it (the summary when the scan is over already).
      // Watched for as long as a short scan and its report may take on a busy machine: a scan
      // over before its id is known here ends unseen by the effect above.
      refocusWhenLost(() => stopButton.current ?? summary.current, SCAN_FOCUS_MS);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const stop = async () => {
    setStopping(true);
    try {
      await client.stopDuplicateScan();
    } catch (e) {
      setError(errorMessage(e));
      setStopping(false);
    }
  };

  const trash = async () => {
    setConfirming(false);
    setMoving(true);
    setError(null);
    try {
      setResult(await client.trashDuplicates(selection.members.map((m) => m.id), selection.keepers));
      // The dialog and its opener's count are gone or disabled: what was done takes the focus.
      refocusWhenLost(() => document.querySelector<HTMLElement>('.dupes-result h3'));
    } catch (e) {
      setError(errorMessage(e));
      // Refused (the report was scanned again meanwhile, and the new one loads): the dialog is
      // gone and the button was disabled while it ran, so the focus would fall to the page.
      refocusWhenLost(() => (trashButton.current && !trashButton.current.disabled ? trashButton.current : summary.current));
    } finally {
      setMoving(false);
    }
  };

  /** Another page; from the controls under the list, the list's top takes the focus. */
  const turnPage = (next: number, toTop: boolean) => {
    setOffset(next);
    if (toTop) {
      groupList.current?.focus({ preventScroll: true });
      groupList.current?.scrollIntoView({ block: 'start' });
    }
  };

  const decide = async (set: DuplicateSet) => {
    setDeciding(set.key);
    setError(null);
    try {
      const decision = await client.decideDuplicates(set.members.map((m) => m.id), 'not-duplicates');
      setDecisions((all) => ({ ...all, [set.key]: decision.id }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setDeciding(null);
    }
  };

  const undo = async (set: DuplicateSet) => {
    const id = decisions[set.key];
    if (!id) return;
    setDeciding(set.key);
    setError(null);
    try {
      await client.undoDuplicateDecision(id);
      setDecisions(({ [set.key]: _undone, ...rest }) => rest);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setDeciding(null);
    }
  };

  const setChoice = (set: DuplicateSet, change: Partial<Choice>) =>
    setChoices((all) => {
      const { held: _before, ...choice } = { ...choiceOf(all, set), ...change };
      return { ...all, [set.key]: set.held ? { ...choice, held: true } : choice };
    });
  const problem = error ?? (reportState.status === 'error' ? reportState.message : null);
  const unseen = report ? Math.max(0, report.total - seen.length) : 0;
  // Groups looked at and skipped (not those said to be no duplicates: the summary counts those):
  // why the button may move fewer photos than "could go".
  // Groups of similar shots left as they started (skipped) are said apart: the user did not skip them.
  const similarHeld = seen.filter((set) => !decisions[set.key] && !choices[set.key]?.skip && heldForSimilarShots(choices[set.key], set)).length;
  const skipped = seen.filter((set) => !decisions[set.key] && choiceOf(choices, set).skip).length - similarHeld;

  return (
    <section className="dupes" aria-labelledby="dupes-title">
      <header className="dupes__head">
        <h1 id="dupes-title">Duplicates</h1>
        <p className="muted">
          Copies and edited versions (resized, re-encoded, brightened, cropped) of the same photo. In each group the best one (highest resolution, then the one with the camera's date and details, then largest file; between identical copies the original, not a link or a file named like a copy) is suggested to keep; the others, with their .xmp sidecars, can go to the trash.
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

      {running &&
        (moving ? (
          <p className="dupes__note" role="status">
            Moving photos to the trash…
          </p>
        ) : (
          <div className="dupes__running">
            <ProgressLine label="Finding duplicates" progress={running.progress} />
            <button type="button" className="button" ref={stopButton} disabled={stopping} onClick={() => void stop()}>
              {stopping ? 'Stopping…' : 'Stop'}
            </button>
          </div>
        ))}
      {scanJob?.state === 'cancelled' && (
        <p className="dupes__note" role="status">
          Scan stopped. {report ? 'The previous report is still shown.' : ''}
        </p>
      )}
      {scanJob?.state === 'failed' && (
        <p className="form-error" role="alert">
          Finding duplicates failed: {scanJob.error}
        </p>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {result && (
        <TrashResult
          result={result}
          onDismiss={() => {
            setResult(null);
            refocusWhenLost(() => (trashButton.current && !trashButton.current.disabled ? trashButton.current : summary.current));
          }}
        />
      )}

      {report ? (
        <>
          <div className="dupes__bar">
            <div className="dupes__bar-text">
              <p className="dupes__summary" ref={summary} tabIndex={-1}>
                {/* What the Move button moves, so the two never disagree as keepers change and
                    groups are skipped; out of what the whole report could free when less. */}
                {report.total === 0 ? 'No duplicates found' : `${formatCount(report.total, 'group')}, ${selection.members.length === report.removable ? formatCount(report.removable, 'photo') : `${selection.members.length.toLocaleString()} of ${formatCount(report.removable, 'photo')}`} marked to go`}
                <span className="muted small">
                  {' '}
                  · {scanText(report)}
                  {report.decided > 0 && ` · ${formatCount(report.decided, 'group')} left out (you said: not duplicates)`}
                </span>
              </p>
              {report.total > 0 && (
                <p className="muted small dupes__coverage">
                  Moving covers the {formatCount(seen.length, 'group')} you have looked at{skipped > 0 ? `, less the ${formatCount(skipped, 'group')} you skipped` : ''}
                  {similarHeld > 0 ? `${skipped > 0 ? ' and' : ', less'} the ${formatCount(similarHeld, 'group')} of similar shots (untick Skip on those to move)` : ''}
                  {unseen > 0 ? `; ${formatCount(unseen, 'group')} on other pages stay until you open them` : ''}.
                </p>
              )}
            </div>
            {report.total > 0 && (
              <button type="button" className="button button--danger-solid" ref={trashButton} disabled={busy || selection.members.length === 0} onClick={() => setConfirming(true)}>
                Move {formatCount(selection.members.length, 'photo')} to trash
              </button>
            )}
          </div>
          {report.total > 0 && <PageControls label="Pages of groups" offset={report.offset} shown={sets.length} total={report.total} pageSize={GROUPS_PER_PAGE} onOffset={(o) => turnPage(o, false)} />}
          <ul className="dupes__groups" aria-label="Duplicate groups" ref={groupList} tabIndex={-1}>
            {sets.map((set) => {
              const choice = choiceOf(choices, set);
              return (
                <DuplicateGroupCard
                  key={set.key}
                  set={set}
                  keep={choice.keep}
                  skip={choice.skip}
                  decided={decisions[set.key] !== undefined}
                  deciding={deciding === set.key}
                  onKeep={(id) => setChoice(set, { keep: id })}
                  onSkip={(skip) => setChoice(set, { skip })}
                  onDecide={() => void decide(set)}
                  onUndo={() => void undo(set)}
                />
              );
            })}
          </ul>
          {report.total > GROUPS_PER_PAGE && <PageControls label="Pages of groups, below the list" offset={report.offset} shown={sets.length} total={report.total} pageSize={GROUPS_PER_PAGE} onOffset={(o) => turnPage(o, true)} />}
        </>
      ) : (
        reportState.status === 'ready' && !running && <p className="muted">No scan yet: choose what to look for and press Find duplicates.</p>
      )}

      {confirming && (
        <TrashDialog paths={selection.members.map((m) => m.path)} groups={selection.groups} unseen={unseen} bytes={selection.bytes} largeGroups={selection.largeGroups} onConfirm={() => void trash()} onCancel={() => setConfirming(false)} />
      )}
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
