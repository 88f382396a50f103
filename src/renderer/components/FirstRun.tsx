import { AddFolderForm } from './AddFolderForm';

/** No model yet: nothing can be indexed or searched until one is installed. */
export function NoModel({ problem, onRetry }: { problem: string | null; onRetry: () => void }) {
  return (
    <section className="empty-state" aria-labelledby="no-model-title">
      <h2 id="no-model-title">Install a model to start</h2>
      <p>
        Shoebox finds photos by what is in them with a CLIP model that runs on this computer. Nothing is uploaded. Install
        one from a terminal, then check again:
      </p>
      <pre className="command">shoebox models install vit-b-32-openai</pre>
      <p className="muted small">
        Or bring a model folder you already have: <code>shoebox models import DIR</code>.
      </p>
      {/* The generic "no model yet" repeats the above; anything else (a missing --model) is news. */}
      {problem && !problem.startsWith('No model yet') && <p className="form-error">{problem}</p>}
      <button type="button" className="button button--primary" onClick={onRetry}>
        Check again
      </button>
    </section>
  );
}

/** A model but no folders: the one thing to do is add one. */
export function NoFolders() {
  return (
    <section className="empty-state" aria-labelledby="no-folders-title">
      <h2 id="no-folders-title">Add a folder to start</h2>
      <p>
        Shoebox indexes the photos in your folders on this computer, so you can search them by describing what is in them.
        Nothing is uploaded, and your originals are never changed.
      </p>
      <AddFolderForm autoFocus />
    </section>
  );
}
