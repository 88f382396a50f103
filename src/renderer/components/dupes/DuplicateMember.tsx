// One copy in a group's card: its thumbnail with its fate (Keep, To trash, Stays: skipped, or a
// hard link of the kept one, which moving would free nothing of), name, size,
// date taken, what the user gave it (favourite, archived, described, albums: at stake if it
// goes), path, and the radio that keeps it. The radio is named by the file (and its folder when
// another copy has the same name) and described by the rest, so a screen reader hears it all.
import { useId } from 'react';
import type { DuplicateMemberInfo, KeepReason } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { baseName } from '../../lib/format';
import { formatBytes } from '../../../shared/bytes-text';
import { KEEP_ORDER_TEXT, keepReasonsText, memberMarks, SAME_FILE_TEXT } from './member-text';

interface DuplicateMemberProps {
  member: DuplicateMemberInfo;
  /** The radio group's name. */
  name: string;
  /** The file name, with its folder when another copy shares it (memberNames). */
  label: string;
  /** When it was taken (takenTexts); absent: the library has no date. */
  taken: string | undefined;
  kept: boolean;
  /** The suggested keeper's reasons (the engine's ranking); absent on the others. */
  why: readonly KeepReason[] | undefined;
  suggested: boolean;
  skip: boolean;
  /** An earlier "not duplicates" covers it: it stays. */
  earlier: boolean;
  /** The same file on disk as the kept one (a hard link, marked by the core): it stays. */
  sameAsKept: boolean;
  onKeep: () => void;
}

export function DuplicateMember({ member, name, label, taken, kept, why, suggested, skip, earlier, sameAsKept, onKeep }: DuplicateMemberProps) {
  const client = useClient();
  const details = useId();
  const file = baseName(member.path);
  const stays = skip || sameAsKept;
  const fate = kept ? 'Keep' : stays ? 'Stays' : 'To trash';
  const marks = memberMarks(member);
  return (
    <label className={kept ? 'dupe dupe--keep' : stays ? 'dupe' : 'dupe dupe--trash'}>
      <span className="dupe__thumb">
        <img src={client.imageUrl(member.id, 'thumb', member.rotation)} alt={file} loading="lazy" decoding="async" draggable={false} />
        <span className={`dupe__badge dupe__badge--${kept ? 'keep' : stays ? 'stays' : 'trash'}`}>{fate}</span>
      </span>
      <span className="dupe__name" title={file}>
        {file}
      </span>
      <span id={details} className="dupe__details">
        <span className="dupe__meta">
          {member.width} × {member.height} · {formatBytes(member.bytes)}
        </span>
        <span className="dupe__taken">{taken ? `Taken ${taken}` : 'No date taken'}</span>
        {marks.length > 0 && (
          <span className="dupe__marks">
            {marks.map((m) => (
              <span key={m.key} className={`dupe__mark dupe__mark--${m.key}`} title={`${m.text}: ${m.fate}`}>
                {m.text}
              </span>
            ))}
          </span>
        )}
        {sameAsKept && <span className="dupe__same-file muted small">{SAME_FILE_TEXT}</span>}
        {suggested && why && why.length > 0 && (
          <span className="dupe__why muted small" title={KEEP_ORDER_TEXT}>
            {keepReasonsText(why)}
          </span>
        )}
      </span>
      <span className="dupe__path" title={member.path}>
        {member.path}
      </span>
      <span className="dupe__choice">
        <input type="radio" name={name} checked={kept} onChange={onKeep} aria-label={`Keep ${label}`} aria-describedby={details} />
        <span aria-hidden="true">{kept ? 'Keeping this one' : 'Keep this one'}</span>
        {suggested && <span className="dupe__suggested">suggested</span>}
      </span>
      {earlier && <span className="dupe__earlier muted small">You said: not duplicates</span>}
    </label>
  );
}
