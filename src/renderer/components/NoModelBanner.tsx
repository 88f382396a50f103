import { useEffect, useLayoutEffect, useRef } from 'react';
import { useFocusFollow } from '../hooks/useFocusFollow';
import { refocusWhenLost, type FocusTarget } from '../hooks/useRefocus';
import { DownloadProgress } from './settings/DownloadProgress';
import { modelSizeText } from './settings/model-size';
import { isActive } from './settings/useInstallJobs';
import { useFirstModel } from './settings/useFirstModel';
import { FirstModelErrors } from './settings/FirstModelErrors';
import { LibraryModelText } from './settings/LibraryModelText';
import { InstallModelButton } from './InstallModelButton';
import { modelProblemNote, type ModelProblem } from './model-problem-note';
import { brokenLibraryModel, noModelTitle } from './no-model-title';

/**
 * Over a library shown without a model (a shared library opened on a device that has none
 * yet): what works now, what waits for a model, and the model to bring, the engine's offer:
 * the one the library's photos are embedded with (installed, or imported from a terminal when
 * it is not in the catalog), else the recommended one. When the download ends the engine opens
 * the library with the model and indexes its folders; the app's status moves on by itself
 * (`onFinished` reads it again), and the banner leaves: the focus it had goes to `focusAfter()`
 * (the search box, which works now).
 */
export function NoModelBanner({ problem, onFinished, focusAfter }: { problem: ModelProblem | null; onFinished: () => void; focusAfter?: FocusTarget }) {
  const { id, offer, model, job, error, install, use } = useFirstModel(onFinished);
  const size = model ? modelSizeText(model) : null;
  // "No model yet" is the banner itself; anything else (installed, but the library is busy in
  // another process) is news.
  // The library's model here but broken: its line says why and the fix, and stands for the
  // status' problem (as `shoebox status` prints the one, not both).
  const broken = brokenLibraryModel(offer);
  const note = broken ? null : modelProblemNote(problem);
  // Bringing the library's own model, or the recommended one when the list cannot be read.
  const bring = offer?.bring ?? (id ? 'install' : null);
  // Install goes as the download starts: the focus follows what replaces it, the progress bar,
  // then Try again if it failed, or Check again once installed (until the banner leaves).
  const section = useRef<HTMLElement>(null);
  const progress = useRef<HTMLElement | null>(null);
  const action = useRef<HTMLButtonElement>(null);
  const checkAgain = useRef<HTMLButtonElement>(null);
  const installFocus = useFocusFollow(() => progress.current ?? action.current ?? checkAgain.current, isActive(job));
  // Refused before any download: Install stays, with the reason under it.
  const { stop } = installFocus;
  useEffect(() => {
    if (error) stop();
  }, [error, stop]);
  // The banner leaves (the library opened with the model) with the focus in it: it goes to
  // `focusAfter()` rather than to the page. Before the banner's elements are removed, to tell.
  const after = useRef(focusAfter);
  after.current = focusAfter;
  useLayoutEffect(() => {
    const element = section.current;
    return () => {
      const target = after.current;
      if (target && element?.contains(document.activeElement)) refocusWhenLost(target);
    };
  }, []);
  return (
    <section className="reading-banner" aria-labelledby="reading-banner-title" ref={section} onBlur={installFocus.onBlur}>
      <p>
        <strong id="reading-banner-title">{noModelTitle(offer, problem)}</strong> You can look through the library,
        and find the text in its photos (Text in photo). Searching by description, indexing new photos and changes (favourites,
        tags, albums) need a model, which runs on this computer.
        {broken ? null : offer?.reason === 'library' ? <> <LibraryModelText offer={offer} model={model} /></> : bring === 'install' && ' It is downloaded once.'}
      </p>
      {broken && <p className="reading-banner__note">{broken.broken}</p>}
      <div className="reading-banner__action">
        {isActive(job) && job ? (
          <DownloadProgress
            job={job}
            label={`Downloading ${id}`}
            focusRef={(element) => {
              progress.current = element;
            }}
          />
        ) : (
          <>
            {/* Installed already (the library was busy in another process when it finished): only Check again. */}
            {bring === 'install' && job?.state !== 'done' && !model?.installed && (
              <>
                <InstallModelButton id={id} failed={job?.state === 'failed'} buttonRef={action} followFocus={installFocus.start} install={install} />
                {/* The library's own model says its size in the sentence beside. */}
                {size && offer?.reason !== 'library' && <span className="muted small">{size}</span>}
              </>
            )}
            {bring === 'use' && (
              <button type="button" className="button button--primary" ref={action} onClick={() => void use()}>
                Use {id}
              </button>
            )}
            {/* Installed or imported from a terminal (`shoebox models install`, `import`): nothing tells the page. */}
            <button type="button" className="link-button small" ref={checkAgain} title={offer?.command ? `After ${offer.command} in a terminal` : undefined} onClick={onFinished}>
              Check again
            </button>
          </>
        )}
      </div>
      {note && (
        <p className="reading-banner__note" role="status">
          {note}
        </p>
      )}
      <FirstModelErrors job={job} error={error} />
    </section>
  );
}
