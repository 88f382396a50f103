import { useEffect, useRef } from 'react';
import { AddFolderForm } from './AddFolderForm';
import { useFocusFollow } from '../hooks/useFocusFollow';
import { changesWaitText, useViewingOnlyReason } from '../hooks/useViewingOnly';
import { DownloadProgress } from './settings/DownloadProgress';
import { ModelFigures } from './settings/ModelFigures';
import { modelSizeText } from './settings/model-size';
import { isActive } from './settings/useInstallJobs';
import { useFirstModel } from './settings/useFirstModel';
import { FirstModelErrors } from './settings/FirstModelErrors';
import { LibraryModelText } from './settings/LibraryModelText';
import { InstallModelButton } from './InstallModelButton';
import { servedHomeCommand } from './served-home-command';
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { modelProblemNote, type ModelProblem } from './model-problem-note';

/**
 * No model yet: nothing can be indexed or searched until one is installed. Installing it from
 * here needs no restart: when the download ends the library opens with it, and the app's
 * status (useLibrary) moves on to the next screen by itself.
 */
export function NoModel({ problem, onRetry }: { problem: ModelProblem | null; onRetry: () => void }) {
  const { id, offer, model, job, error, install, use } = useFirstModel(onRetry);
  // The commands below act on this data folder, whatever the terminal's default is.
  const client = useClient();
  const [info] = useAsync(() => client.info(), [client]);
  const home = info.status === 'ready' ? info.value.home : null;
  // The generic "no model yet" repeats this screen; anything else (a missing --model) is news.
  const note = modelProblemNote(problem);
  const description = model ? [model.description, modelSizeText(model)].filter(Boolean).join(' · ') : null;
  // The engine's offer: the model the library's photos are embedded with, if any (a library
  // whose folders are gone), else the recommended one.
  const bring = offer?.bring ?? (id ? 'install' : null);
  // Install goes as the download starts: the focus follows what replaces it, the progress bar,
  // then Try again if it failed (once installed, the next screen takes it: Add a folder).
  const progress = useRef<HTMLElement | null>(null);
  const action = useRef<HTMLButtonElement>(null);
  const installFocus = useFocusFollow(() => progress.current ?? action.current, isActive(job));
  // Refused before any download: Install stays, with the reason under it.
  const { stop } = installFocus;
  useEffect(() => {
    if (error) stop();
  }, [error, stop]);

  return (
    <section className="empty-state" aria-labelledby="no-model-title" onBlur={installFocus.onBlur}>
      <h2 id="no-model-title">Install a model to start</h2>
      <p>
        Shoebox finds photos by what is in them with a CLIP model that runs on this computer. Nothing is uploaded: the model is
        downloaded once, then everything happens here.
      </p>
      {offer?.reason === 'library' && (
        <p>
          <LibraryModelText offer={offer} model={model} />
        </p>
      )}
      {description && <p className="muted small">{description}</p>}
      {model && <ModelFigures model={model} />}
      <p className="muted small">Other models (more languages, sharper search, more memory) are in Settings once Shoebox is set up.</p>
      {isActive(job) && job ? (
        <DownloadProgress
          job={job}
          label={`Downloading ${id}`}
          focusRef={(element) => {
            progress.current = element;
          }}
        />
      ) : bring === 'install' ? (
        <InstallModelButton id={id} failed={job?.state === 'failed'} buttonRef={action} followFocus={installFocus.start} install={install} />
      ) : (
        bring === 'use' && (
          <button type="button" className="button button--primary" ref={action} onClick={() => void use()}>
            Use {id}
          </button>
        )
      )}
      <FirstModelErrors job={job} error={error} />
      {(bring === 'install' || bring === 'use') && (
        <>
          <p>Or {bring === 'install' ? 'install' : 'choose'} it from a terminal, then check again:</p>
          <pre className="command">{servedHomeCommand(offer?.command ?? `shoebox models install ${id}`, home)}</pre>
        </>
      )}
      {bring !== 'import' && (
        <p className="muted small">
          Or bring a model folder you already have: <code>{servedHomeCommand('shoebox models import DIR', home)}</code>.
        </p>
      )}
      {note && <p className="form-error">{note}</p>}
      <button type="button" className="button" onClick={onRetry}>
        Check again
      </button>
    </section>
  );
}

/** A model but no folders: the one thing to do is add one. */
export function NoFolders() {
  // Another process writes the library: a folder added now would be refused (the banner says why).
  const viewingOnly = useViewingOnlyReason();
  return (
    <section className="empty-state" aria-labelledby="no-folders-title">
      <h2 id="no-folders-title">Add a folder to start</h2>
      <p>
        Shoebox indexes the photos in your folders on this computer, so you can search them by describing what is in them.
        Nothing is uploaded, and your originals are never changed.
      </p>
      {viewingOnly ? <p className="muted">{changesWaitText(viewingOnly)}.</p> : <AddFolderForm autoFocus />}
    </section>
  );
}
