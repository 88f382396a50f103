// Sidebar section: the library's label sets, each leading to its editor and its tag review.
import type { LabelSetInfo, TagCount } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { useAsync } from '../../hooks/useAsync';
import { useViewingOnly } from '../../hooks/useViewingOnly';
import { formatCount } from '../../lib/format';
import type { ScreenProps } from '../../lib/screen';
import { useTagsVersion } from './useTagsVersion';

export function LabelSetsSection({ screen, navigate }: ScreenProps) {
  const client = useClient();
  const version = useTagsVersion();
  // Search and view only (another device writes the library): the sets are still listed, as
  // albums are, but nothing that would change them (a new set, the editor, the tag review) is
  // offered, rather than offered and refused.
  const viewingOnly = useViewingOnly();
  const [state] = useAsync(() => Promise.all([client.listLabelSets(), client.tagCounts()]), [client, version, screen]);
  const selected = screen.kind === 'label-set' ? screen.name : screen.kind === 'tag-review' ? screen.set : undefined;
  return (
    <section className="label-sets-section" aria-label="Label sets">
      <div className="sidebar__section">
        <h2>Label sets</h2>
        {/* Named for what it makes: the Albums section has a "+ New" too, and a list of the page's buttons must tell them apart. */}
        {!viewingOnly && (
          <button type="button" className="link-button" aria-label="New label set" onClick={() => navigate({ kind: 'label-set', name: null })}>
            + New
          </button>
        )}
      </div>
      {state.status === 'error' && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && state.value[0].length === 0 && !viewingOnly && <p className="sidebar__foot muted small">Sort photos into labels you choose: “+ New”.</p>}
      {state.status === 'ready' && (
        <ul className="label-sets">
          {state.value[0].map((set) => (
            <LabelSetRow key={set.name} set={set} viewingOnly={viewingOnly} tagged={taggedPhotos(state.value[1], set.name)} selected={selected === set.name} screenKind={screen.kind} navigate={navigate} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface RowProps {
  set: LabelSetInfo;
  viewingOnly: boolean;
  tagged: number;
  selected: boolean;
  screenKind: ScreenProps['screen']['kind'];
  navigate: ScreenProps['navigate'];
}

export function LabelSetRow({ set, viewingOnly, tagged, selected, screenKind, navigate }: RowProps) {
  const meta = (
    <span className="label-set-row__meta">
      {formatCount(set.labels.length, 'label')} · {formatCount(tagged, 'tag')}
    </span>
  );
  if (viewingOnly) {
    return (
      <li className="label-set-row">
        <span className="label-set-row__name">
          <span className="label-set-row__title">{set.name}</span>
          {meta}
        </span>
      </li>
    );
  }
  return (
    <li className={selected ? 'label-set-row label-set-row--selected' : 'label-set-row'}>
      <button
        type="button"
        className="label-set-row__name"
        aria-label={`Edit label set ${set.name}`}
        aria-current={selected && screenKind === 'label-set' ? 'page' : undefined}
        onClick={() => navigate({ kind: 'label-set', name: set.name })}
      >
        <span className="label-set-row__title">{set.name}</span>
        {meta}
      </button>
      <button
        type="button"
        className="link-button small"
        aria-label={`Review tags of ${set.name}`}
        aria-current={selected && screenKind === 'tag-review' ? 'page' : undefined}
        onClick={() => navigate({ kind: 'tag-review', set: set.name, label: null })}
      >
        Review
      </button>
    </li>
  );
}

/** Tags (auto or accepted) the set's labels carry in all. */
function taggedPhotos(counts: TagCount[], set: string): number {
  return counts.filter((c) => c.set === set).reduce((sum, c) => sum + c.count, 0);
}
