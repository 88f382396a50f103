// One picture's duplicates side by side: thumbnail, dimensions, file size and path of each,
// the photo to keep marked and chosen with a radio button (the engine's suggestion first),
// "skip" to leave the whole group alone, and "Not duplicates" to say so for good: the engine
// remembers it (by content) and later scans leave the group out; Undo is offered after.
// Photos an earlier decision covers (others joined them since) are marked and stay.
import { useRef } from 'react';
import type { DuplicateMemberInfo } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { useRefocus } from '../../hooks/useRefocus';
import { baseName, formatBytes } from '../../lib/format';
import { duplicateKindsText } from '../../../shared/duplicate-picture';
import type { DuplicateSet } from './duplicate-sets';

interface DuplicateGroupCardProps {
  set: DuplicateSet;
  keep: string;
  skip: boolean;
  /** "Not duplicates" was just recorded for this group (Undo is offered). */
  decided: boolean;
  /** A decision is being recorded or undone. */
  deciding: boolean;
  onKeep: (id: string) => void;
  onSkip: (skip: boolean) => void;
  onDecide: () => void;
  onUndo: () => void;
}

export function DuplicateGroupCard({ set, keep, skip, decided, deciding, onKeep, onSkip, onDecide, onUndo }: DuplicateGroupCardProps) {
  const kinds = duplicateKindsText(set.kinds);
  const title = `${set.members.length} photos: ${kinds}`;
  const stays = skip || decided;
  const card = useRef<HTMLLIElement>(null);
  const refocus = useRefocus();
  // "Not duplicates" and its Undo take each other's place (both disabled while the engine
  // answers): the focus goes to whichever shows.
  const decision = (act: () => void) => () => {
    refocus(() => card.current?.querySelector<HTMLElement>('[data-decision]'));
    act();
  };
  return (
    <li ref={card} className={decided ? 'dupe-group dupe-group--decided' : skip ? 'dupe-group dupe-group--skipped' : 'dupe-group'} aria-label={`${baseName(set.members[0]!.path)} and its duplicates`}>
      <div className="dupe-group__head">
        <h3>{title}</h3>
        {decided ? (
          <p className="dupe-group__decided" role="status">
            Not duplicates: all stay, and later scans leave this group out.{' '}
            <button type="button" className="button" data-decision disabled={deciding} onClick={decision(onUndo)}>
              Undo
            </button>
          </p>
        ) : (
          <div className="dupe-group__actions">
            <button type="button" className="button" data-decision disabled={deciding} onClick={decision(onDecide)} title="Keep them all, and leave this group out of later scans until one of the files shows another picture">
              Not duplicates
            </button>
            <label className="dupe-group__skip">
              <input type="checkbox" checked={skip} onChange={(e) => onSkip(e.target.checked)} /> Skip this group
            </label>
          </div>
        )}
      </div>
      {set.kinds.includes('similar') && !decided && (
        <p className="muted small dupe-group__similar">Similar shots are other photos, not copies: this group starts skipped, and its photos go only if you untick Skip.</p>
      )}
      <fieldset className="dupe-group__members" disabled={stays}>
        <legend className="dupes-hidden">Photo to keep</legend>
        {set.members.map((m) => (
          <Member key={m.id} member={m} name={`keep-${set.key}`} kept={m.id === keep} suggested={m.id === set.suggested} skip={stays || set.decided.includes(m.id)} earlier={set.decided.includes(m.id)} onKeep={() => onKeep(m.id)} />
        ))}
      </fieldset>
    </li>
  );
}

interface MemberProps {
  member: DuplicateMemberInfo;
  name: string;
  kept: boolean;
  suggested: boolean;
  skip: boolean;
  /** An earlier "not duplicates" covers it: it stays. */
  earlier: boolean;
  onKeep: () => void;
}

function Member({ member, name, kept, suggested, skip, earlier, onKeep }: MemberProps) {
  const client = useClient();
  const file = baseName(member.path);
  const fate = kept ? 'Keep' : skip ? 'Stays' : 'To trash';
  return (
    <label className={kept ? 'dupe dupe--keep' : skip ? 'dupe' : 'dupe dupe--trash'}>
      <span className="dupe__thumb">
        <img src={client.imageUrl(member.id, 'thumb', member.rotation)} alt={file} loading="lazy" decoding="async" draggable={false} />
        <span className={`dupe__badge dupe__badge--${kept ? 'keep' : skip ? 'stays' : 'trash'}`}>{fate}</span>
      </span>
      <span className="dupe__name" title={file}>
        {file}
      </span>
      <span className="dupe__meta">
        {member.width} × {member.height} · {formatBytes(member.bytes)}
      </span>
      <span className="dupe__path" title={member.path}>
        {member.path}
      </span>
      <span className="dupe__choice">
        <input type="radio" name={name} checked={kept} onChange={onKeep} aria-label={`Keep ${file}`} />
        <span aria-hidden="true">{kept ? 'Keeping this one' : 'Keep this one'}</span>
        {suggested && <span className="dupe__suggested">suggested</span>}
      </span>
      {earlier && <span className="dupe__earlier muted small">You said: not duplicates</span>}
    </label>
  );
}
