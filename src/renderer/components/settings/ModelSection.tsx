import { useEffect, useRef, useState } from 'react';
import { useClient } from '../../client/ClientContext';
import { useAsync } from '../../hooks/useAsync';
import { LibraryModelText } from './LibraryModelText';
import { ModelRow } from './ModelRow';
import { useInstallJobs } from './useInstallJobs';

/** The models: the one in use, the installed ones to switch to, the catalog to install from. */
export function ModelSection({ onChanged }: { onChanged: () => void }) {
  const client = useClient();
  const [models, reload] = useAsync(() => client.models(), [client]);
  const offer = models.status === 'ready' ? models.value.offer : null;
  // Models whose download has ended since the list was last read: it still says "not
  // installed" for them until it answers again.
  const [unlisted, setUnlisted] = useState<ReadonlySet<string>>(new Set());
  const jobs = useInstallJobs((job) => {
    if (job.state === 'done') setUnlisted((ids) => new Set(ids).add(job.folder));
    reload();
    onChanged();
  });
  useEffect(() => setUnlisted((ids) => (ids.size ? new Set() : ids)), [models]);
  const [switching, setSwitching] = useState(false);
  // Where the focus goes after a switch: the line that says which model is in use now.
  const inUse = useRef<HTMLParagraphElement>(null);

  const switchTo = async (id: string) => {
    setSwitching(true);
    try {
      await client.useModel(id);
    } finally {
      setSwitching(false);
      reload();
      onChanged();
    }
  };

  // The core's rule (`shoebox models remove ID` without --force): a refusal rejects, in one line, and the row says it.
  const remove = async (id: string) => {
    try {
      await client.removeModel(id);
    } finally {
      reload();
      onChanged();
    }
  };

  return (
    <section aria-labelledby="settings-model-title">
      <h3 id="settings-model-title">Model</h3>
      {models.status === 'ready' && (
        <>
          <p ref={inUse} tabIndex={-1}>
            {models.value.inUse ? <>In use: <strong>{models.value.inUse.id}</strong></> : 'No model in use yet.'}
          </p>
          {/* The model offered first (the first run's, the viewing-only banner's): the library's own. */}
          {offer?.reason === 'library' && (
            <p className="small">
              <LibraryModelText offer={offer} model={models.value.models.find((m) => m.id === offer.id && m.source !== 'folder')} inSettings />
            </p>
          )}
          <ul className="settings__models" aria-label="Models">
            {models.value.models.map((m) => (
              <ModelRow key={`${m.source}:${m.id}`} model={m} job={jobs.get(m.id)} unlisted={unlisted.has(m.id)} switching={switching} onSwitch={switchTo} switched={() => inUse.current} libraryPhotos={models.value.libraryPhotos ?? null} onRemove={remove} />
            ))}
          </ul>
          <p className="muted small">
            Models run on this computer; installing one downloads it from Hugging Face once. From a terminal:{' '}
            <code>shoebox models install ID</code>, <code>shoebox models import DIR</code>.
          </p>
        </>
      )}
      {models.status === 'error' && <p className="form-error">{models.message}</p>}
    </section>
  );
}
