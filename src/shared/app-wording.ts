// The core's refusals are written for the command line first (search's "--tag cat: no label
// set has the label "cat" (shoebox labels list)"): the app must not name options or commands.
// One place turns such a line into the app's wording, used by the core where it words a
// reason for the app (albums) and by the renderer for search errors, so both say it alike.

/** A line's subject: an option, with what was given for it, before the reason. */
const OPTION_SUBJECT = /^(--[a-z-]+(?: [^:]*)?): /;

/**
 * `--tag cat: no label set has … (shoebox labels list)` -> `no label set has …`. A subject
 * that names a second option is part of the reason, not its label (`--after X is not earlier
 * than --before Y: no photo can match`): dropped, only "no photo can match" would be left, so it
 * stays, its options named without the command line's dashes (`“after” X is not earlier than “before” Y: …`).
 */
export function appWording(cliText: string): string {
  return cliText
    .replace(OPTION_SUBJECT, (_, subject: string) => (/ --[a-z]/.test(subject) ? `${subject.replace(/(^|\s)--([a-z][a-z-]*)/g, '$1“$2”')}: ` : ''))
    .replace(/ \((?:see )?shoebox [^)]*\)$/, '')
    .trim();
}

// A tag filter naming a label no label set has (its set was removed, or the label taken out
// of it): the core's QueryError with code 'unknown-tag' (search/tag-filter.ts). Its two
// wordings live side by side here: the command line's, and the app's that the filter bar and
// the album editor both show.

const UNKNOWN_TAG_PREFIX = '--tag ';
const UNKNOWN_TAG_MIDDLE = ': no label set has the label "';

/** The command line's words: the option, and the command that lists the labels there are. */
export function unknownTagCliText(label: string): string {
  return `${UNKNOWN_TAG_PREFIX}${label}${UNKNOWN_TAG_MIDDLE}${label}" (shoebox labels list)`;
}

/** The app's words, on every screen that filters by a tag. */
export function unknownTagAppText(label: string): string {
  return `No label set has the tag “${label}” (any more): choose another tag.`;
}

/**
 * The same words as a reason within a sentence, without the remedy: a broken album's notice
 * ("“Reds” can hold no photo now: no label set has the tag “red” (any more). Edit the album…")
 * says its own remedy after it.
 */
export function unknownTagReasonText(label: string): string {
  return `no label set has the tag “${label}” (any more)`;
}

/**
 * The label of an unknown-tag refusal that reached the app as its message alone, or null for
 * any other message: only the exact line unknownTagCliText writes counts. The error itself
 * carries its code and label across the RPC (shared/error-detail.ts), which the filter bar
 * decides by first; this is only for a caller that kept the message and dropped the error.
 */
export function unknownTagOf(message: string): string | null {
  if (!message.startsWith(UNKNOWN_TAG_PREFIX)) return null;
  const end = message.indexOf(UNKNOWN_TAG_MIDDLE, UNKNOWN_TAG_PREFIX.length);
  const label = end < 0 ? null : message.slice(UNKNOWN_TAG_PREFIX.length, end);
  return label !== null && message === unknownTagCliText(label) ? label : null;
}

/** An engine error's message as the app says it: the unknown tag in the app's words, anything else as appWording has it. */
export function appErrorText(message: string): string {
  const unknownTag = unknownTagOf(message);
  return unknownTag === null ? appWording(message) : unknownTagAppText(unknownTag);
}
