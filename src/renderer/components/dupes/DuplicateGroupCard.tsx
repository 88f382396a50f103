// One picture's duplicates side by side: thumbnail, dimensions, file size and path of each,
// the photo to keep marked and chosen with a radio button (the engine's suggestion first),
// and "skip" to leave the whole group alone.
import type { DuplicateMemberInfo } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { baseName, formatBytes } from '../../lib/format';
import { KIND_LABELS, type DuplicateSet } from './duplicate-sets';

interface DuplicateGroupCardProps {
  set: DuplicateSet;
  keep: string;
  skip: boolean;
  onKeep: (id: string) => void;
  onSkip: (skip: boolean) => void;
}

export function DuplicateGroupCard({ set, keep, skip, onKeep, onSkip }: DuplicateGroupCardProps) {
  const kinds = set.kinds.map((k) => KIND_LABELS[k]).join(' and ');
  const title = `${set.members.length} photos: ${kinds}`;
  return (
    <li className={skip ? 'dupe-group dupe-group--skipped' : 'dupe-group'} aria-label={`${baseName(set.members[0]!.path)} and its duplicates`}>
      <div className="dupe-group__head">
        <h3>{title}</h3>
        <label className="dupe-group__skip">
          <input type="checkbox" checked={skip} onChange={(e) => onSkip(e.target.checked)} /> Skip this group
        </label>
      </div>
      <fieldset className="dupe-group__members" disabled={skip}>
        <legend className="dupes-hidden">Photo to keep</legend>
        {set.members.map((m) => (
          <Member key={m.id} member={m} name={`keep-${set.key}`} kept={m.id === keep} suggested={m.id === set.suggested} skip={skip} onKeep={() => onKeep(m.id)} />
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
  onKeep: () => void;
}

function Member({ member, name, kept, suggested, skip, onKeep }: MemberProps) {
  const client = useClient();
  const file = baseName(member.path);
  const fate = kept ? 'Keep' : skip ? 'Stays' : 'To trash';
  return (
    <label className={kept ? 'dupe dupe--keep' : skip ? 'dupe' : 'dupe dupe--trash'}>
      <span className="dupe__thumb">
        <img src={client.imageUrl(member.id, 'thumb')} alt={file} loading="lazy" decoding="async" draggable={false} />
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
    </label>
  );
}
