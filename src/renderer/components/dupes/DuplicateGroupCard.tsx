// One picture's duplicates side by side (DuplicateMember: thumbnail, size, date taken, marks,
// path of each), the photo to keep marked and chosen with a radio button (the engine's suggestion first),
// "skip" to leave the whole group alone, and "Not duplicates" to say so for good: the engine
// remembers it (by content) and later scans leave the group out; Undo is offered after.
// Photos an earlier decision covers (others joined them since) are marked and stay.
import { useRef } from 'react';
import { useRefocus } from '../../hooks/useRefocus';
import { baseName } from '../../lib/format';
import { duplicateKindsText } from '../../../shared/duplicate-picture';
import type { DuplicateSet } from './duplicate-sets';
import { DuplicateMember } from './DuplicateMember';
import { memberNames, sameFileAsKept, takenTexts } from './member-text';

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
  const names = memberNames(set.members);
  const taken = takenTexts(set.members);
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
      {set.held && !decided && (
        // Held by the core for similar shots, or for a keeper that may be an enlarged copy: said
        // from the reasons the core held it for (any group's), not the widest group's `why`.
        <p className="muted small dupe-group__similar">
          {set.heldFor?.includes('unsure-keeper')
            ? "The suggested copy has more pixels but not the camera's EXIF that a smaller copy has: it may be an enlarged copy. This group starts skipped; choose the copy to keep, then untick Skip."
            : 'Similar shots are other photos, not copies: this group starts skipped, and its photos go only if you untick Skip.'}
        </p>
      )}
      <fieldset className="dupe-group__members" disabled={stays}>
        <legend className="dupes-hidden">Photo to keep</legend>
        {set.members.map((m) => (
          <DuplicateMember
            key={m.id}
            member={m}
            name={`keep-${set.key}`}
            label={names.get(m.id) ?? baseName(m.path)}
            taken={taken.get(m.id)}
            kept={m.id === keep}
            why={set.why}
            suggested={m.id === set.suggested}
            skip={stays || set.decided.includes(m.id)}
            earlier={set.decided.includes(m.id)}
            sameAsKept={sameFileAsKept(m, keep)}
            onKeep={() => onKeep(m.id)}
          />
        ))}
      </fieldset>
    </li>
  );
}
