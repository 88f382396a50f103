// The label-set editor's form and the JSON it imports and exports. Prompts are edited one
// per line; the engine validates the whole set on Save (names, blanks, duplicates,
// thresholds) and its one-line message is what the editor shows. A file imported is read by the same
// validator (src/shared/label-set.ts) as `shoebox labels import`, so the editor refuses what
// the CLI refuses, in its words, rather than dropping what it does not know.
import type { LabelSetInfo, LabelSetInput } from '../../../shared/api';
import { DEFAULT_MARGIN, DEFAULT_THRESHOLD, labelKey, parseLabelSetJson } from '../../../shared/label-set';

export interface LabelRow {
  /** Stable React key: rows are added and removed in the middle. */
  key: number;
  name: string;
  /** Extra prompts, one per line. */
  prompts: string;
  /** Loaded with a label (from the set or a file): never left out of Save, even blanked. */
  had: boolean;
}

export interface LabelSetForm {
  name: string;
  labels: LabelRow[];
  threshold: string;
  margin: string;
  /** Kept as loaded or imported (the editor does not edit them). */
  templates: string[] | null;
}

let nextKey = 1;
export function labelRow(name = '', prompts = '', had = false): LabelRow {
  return { key: nextKey++, name, prompts, had };
}

export function emptyForm(): LabelSetForm {
  return { name: '', labels: [labelRow(), labelRow()], threshold: String(DEFAULT_THRESHOLD), margin: String(DEFAULT_MARGIN), templates: null };
}

export function formFromSet(set: Pick<LabelSetInfo, 'name' | 'labels' | 'threshold' | 'margin' | 'templates'>): LabelSetForm {
  return {
    name: set.name,
    labels: set.labels.map((l) => labelRow(l.name, l.prompts.join('\n'), true)),
    threshold: String(set.threshold),
    margin: String(set.margin),
    templates: set.templates,
  };
}

/**
 * The form without the blank rows the user added and never filled in ("+ Add label", the new
 * set's two empty rows): they hold nothing to lose. A row that had a label stays, blanked or
 * not, so the validator refuses it ("label 2 must not be empty") rather than Save dropping
 * the label and its tags without a word. The editor shows this form before sending it, so
 * its rows are numbered as the validator counts them.
 */
export function withoutUnusedRows(form: LabelSetForm): LabelSetForm {
  const used = form.labels.filter((row) => row.had || row.name.trim() !== '' || row.prompts.trim() !== '');
  return used.length === form.labels.length ? form : { ...form, labels: used };
}

/** What Save sends: every row as typed, for the one validator (src/shared/label-set.ts) to
 *  judge. Throws a one-line message for a number field the engine cannot read. */
export function formToInput(form: LabelSetForm): LabelSetInput {
  const labels = form.labels
    .map((row) => ({ name: row.name, prompts: row.prompts.split('\n').map((p) => p.trim()).filter(Boolean) }))
    .map((l) => (l.prompts.length ? l : l.name));
  return { name: form.name.trim(), labels, threshold: number(form.threshold, 'Threshold'), margin: number(form.margin, 'Margin'), ...(form.templates ? { templates: form.templates } : {}) };
}

/**
 * The arguments of saveLabelSet for Save. A set the editor opened is sent under its name with
 * the revision it loaded, so the core refuses it if the set was changed or removed elsewhere
 * meanwhile. A new set, and "Save as a new set" once the opened one was removed elsewhere
 * (`opened` null), are sent with neither: the core refuses them, as any new set, if the name
 * is taken by then.
 */
export function saveArguments(input: LabelSetInput, opened: { name: string; revision: string } | null): [set: LabelSetInput, previousName?: string, revision?: string] {
  return opened ? [input, opened.name, opened.revision] : [input];
}

/**
 * What a save refused because the set is another by now offers, from the set as it is now:
 * Reload (changed elsewhere: the user's edits replayed on it), or Save as a new set (removed
 * elsewhere: Reload has nothing to load, and every Save of the opened set is refused). Null
 * when the set is as loaded (the refusal was about something else).
 */
export function afterRefusal(revision: string, now: LabelSetInfo | undefined): { now: LabelSetInfo } | { removed: true } | null {
  if (now === undefined) return { removed: true };
  return now.revision !== revision ? { now } : null;
}

/**
 * The user's edits replayed on the set as it is now, for Reload after a save refused because
 * the set changed elsewhere: nothing of either is lost. A field the user changed keeps their
 * value; one they left follows the set now. A row they left as loaded follows the set now
 * (removed or changed there, so here); rows they added or changed stay; labels added
 * elsewhere are added.
 */
export function rebaseForm(loaded: LabelSetForm, mine: LabelSetForm, now: LabelSetForm): LabelSetForm {
  const changed = (field: 'threshold' | 'margin') => mine[field].trim() !== loaded[field].trim();
  const loadedRows = new Map(loaded.labels.map((r) => [labelKey(r.name), r]));
  const nowRows = new Map(now.labels.map((r) => [labelKey(r.name), r]));
  const mineKeys = new Set(mine.labels.map((r) => labelKey(r.name)));
  const labels = mine.labels.flatMap((row): LabelRow[] => {
    const before = loadedRows.get(labelKey(row.name));
    if (!before || before.name !== row.name || before.prompts !== row.prompts) return [row];
    const there = nowRows.get(labelKey(row.name));
    return there ? [{ ...row, name: there.name, prompts: there.prompts }] : [];
  });
  for (const row of now.labels) if (!loadedRows.has(labelKey(row.name)) && !mineKeys.has(labelKey(row.name))) labels.push(labelRow(row.name, row.prompts, true));
  return { name: mine.name, labels, threshold: changed('threshold') ? mine.threshold : now.threshold, margin: changed('margin') ? mine.margin : now.margin, templates: now.templates };
}

/** The set as `shoebox labels export` writes it, for a download. */
export function exportJson(input: LabelSetInput): string {
  return `${JSON.stringify(input, null, 2)}\n`;
}

/** A label-set file read into the form, or the validator's one-line error naming the file
 *  (`label set ls1.json: labels[0] has unknown field "prompt"`, as the CLI says it). */
export function importJson(text: string, fileName: string): LabelSetForm {
  const set = parseLabelSetJson(text, fileName);
  return formFromSet({ ...set, templates: set.templates ?? null });
}

/** Delete's question for a saved set: what goes (the set, its tags, its folders' tagging) and
 *  what stays, in the facts of `shoebox labels remove` (TaggingService.removeLabelSet). */
export function removalQuestion(name: string): string {
  return (
    `Delete “${name}” and its tags? Your accept/reject decisions on it are kept and come back if you import it again under this name; ` +
    'until then, albums filtered by a label only this set has match nothing. Photos and XMP sidecars stay as they are.'
  );
}

function number(text: string, field: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) throw new Error(`${field} must be a number`);
  return value;
}

/** A problem with one label row, shown next to it. */
export interface RowProblem {
  key: number;
  message: string;
}

/**
 * The first label listed twice (compared by the validator's labelKey: trimmed, in any case),
 * caught before Save so the editor can say so next to the row rather than in the engine's
 * set's terms ("label 2 … repeats label 1 …").
 */
export function repeatedLabel(form: LabelSetForm): RowProblem | null {
  const seen = new Set<string>();
  for (const row of form.labels) {
    const name = row.name.trim();
    if (!name) continue;
    const key = labelKey(name);
    if (seen.has(key)) return { key: row.key, message: `“${name}” is listed twice.` };
    seen.add(key);
  }
  return null;
}
