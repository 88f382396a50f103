// The viewer's tags: every label set's tags of the photo, best first, with Accept / Reject
// on an automatic one and Undo on an accepted one. Rejected tags are not the photo's any
// more; they are listed apart, struck through, so a mistake can be undone.
import { useEffect, useRef, useState } from 'react';
import type { PhotoTag, TagState } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage } from '../../hooks/useAsync';
import { useViewingOnly } from '../../hooks/useViewingOnly';
import { useRefocus } from '../../hooks/useRefocus';
import { notifyTagsChanged } from './useTagsVersion';

export function PhotoTags({ id, tags: initial }: { id: string; tags: PhotoTag[] }) {
  const client = useClient();
  // Only viewing (no model on this device, or another process writes the library): the tags
  // show, their decisions wait.
  const viewingOnly = useViewingOnly();
  const [tags, setTags] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  const refocus = useRefocus();
  useEffect(() => {
    setTags(initial);
    setError(null);
  }, [id, initial]);

  const decide = async (tag: PhotoTag, state: TagState) => {
    setError(null);
    // The tag's buttons change with its state (✕ becomes the rejected list's undo): the focus
    // follows the tag to its new control, not to the page behind the viewer.
    const key = tagKey(tag);
    refocus(() => [...(section.current?.querySelectorAll<HTMLElement>('[data-tag]') ?? [])].find((b) => b.dataset['tag'] === key) ?? section.current?.querySelector<HTMLElement>('h3'));
    try {
      setTags(await client.setTagState(id, tag.set, tag.label, state));
      notifyTagsChanged();
    } catch (e) {
      setError(errorMessage(e).split('\n')[0]!);
    }
  };

  const current = tags.filter((t) => t.state !== 'rejected');
  const rejected = tags.filter((t) => t.state === 'rejected');
  return (
    <section className="photo-tags" aria-label="Tags" ref={section}>
      <h3 tabIndex={-1}>Tags</h3>
      {current.length === 0 ? (
        <p className="muted small">{rejected.length ? 'No tags left.' : viewingOnly ? 'No tags yet.' : 'No tags yet: tag its folder with a label set.'}</p>
      ) : (
        <ul className="photo-tags__list" aria-label="Tags of this photo">
          {current.map((tag) => (
            <li key={`${tag.set}|${tag.label}`} className="photo-tags__item">
              <span className="tag-chip" data-state={tag.state} title={`${tag.set} · ${Math.round(tag.score * 100)}% confident`}>
                {tag.label}
              </span>
              <span className="muted small photo-tags__meta">
                {tag.set} · {tag.state === 'accepted' ? 'accepted' : `${Math.round(tag.score * 100)}%`}
              </span>
              <span className="photo-tags__buttons">
                {viewingOnly ? null : tag.state === 'auto' ? (
                  <>
                    <button type="button" className="icon-button icon-button--small tag-accept" aria-label={`Accept tag ${tag.label}`} data-tag={tagKey(tag)} title="Accept" onClick={() => void decide(tag, 'accepted')}>
                      ✓
                    </button>
                    <button type="button" className="icon-button icon-button--small tag-reject" aria-label={`Reject tag ${tag.label}`} data-tag={tagKey(tag)} title="Reject" onClick={() => void decide(tag, 'rejected')}>
                      ✕
                    </button>
                  </>
                ) : (
                  <button type="button" className="link-button small" aria-label={`Undo accepting tag ${tag.label}`} data-tag={tagKey(tag)} onClick={() => void decide(tag, 'auto')}>
                    Undo
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {rejected.length > 0 && (
        <p className="photo-tags__rejected muted small">
          Rejected:{' '}
          {rejected.map((tag, i) => (
            <span key={`${tag.set}|${tag.label}`}>
              {i > 0 && ', '}
              <s>{tag.label}</s>{' '}
              {!viewingOnly && (
                <button type="button" className="link-button" aria-label={`Undo rejecting tag ${tag.label}`} data-tag={tagKey(tag)} onClick={() => void decide(tag, 'auto')}>
                  undo
                </button>
              )}
            </span>
          ))}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** Names a tag among the photo's: its set and label. */
function tagKey(tag: PhotoTag): string {
  return `${tag.set}|${tag.label}`;
}
