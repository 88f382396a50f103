// The label-set editor's form and the JSON it imports and exports. Prompts are edited one
// per line; the engine validates the whole set on Save (names, duplicates, thresholds) and
// its one-line message is what the editor shows.
import type { LabelSetInfo, LabelSetInput } from '../../../shared/api';

export interface LabelRow {
  /** Stable React key: rows are added and removed in the middle. */
  key: number;
  name: string;
  /** Extra prompts, one per line. */
  prompts: string;
}

export interface LabelSetForm {
  name: string;
  labels: LabelRow[];
  threshold: string;
  margin: string;
  /** Kept as loaded or imported (the editor does not edit them). */
  templates: string[] | null;
}

/** The engine's defaults (src/core/tags/label-set.ts), shown in a new set. */
const DEFAULT_THRESHOLD = 0.3;
const DEFAULT_MARGIN = 0.05;

let nextKey = 1;
export function labelRow(name = '', prompts = ''): LabelRow {
  return { key: nextKey++, name, prompts };
}

export function emptyForm(): LabelSetForm {
  return { name: '', labels: [labelRow(), labelRow()], threshold: String(DEFAULT_THRESHOLD), margin: String(DEFAULT_MARGIN), templates: null };
}

export function formFromSet(set: Pick<LabelSetInfo, 'name' | 'labels' | 'threshold' | 'margin' | 'templates'>): LabelSetForm {
  return {
    name: set.name,
    labels: set.labels.map((l) => labelRow(l.name, l.prompts.join('\n'))),
    threshold: String(set.threshold),
    margin: String(set.margin),
    templates: set.templates,
  };
}

/** What Save sends; blank rows are dropped. Throws a one-line message for a field the engine cannot read. */
export function formToInput(form: LabelSetForm): LabelSetInput {
  const labels = form.labels
    .map((row) => ({ name: row.name.trim(), prompts: row.prompts.split('\n').map((p) => p.trim()).filter(Boolean) }))
    .filter((l) => l.name !== '' || l.prompts.length > 0)
    .map((l) => (l.prompts.length ? l : l.name));
  return { name: form.name.trim(), labels, threshold: number(form.threshold, 'Threshold'), margin: number(form.margin, 'Margin'), ...(form.templates ? { templates: form.templates } : {}) };
}

/** The set as `shoebox labels export` writes it, for a download. */
export function exportJson(input: LabelSetInput): string {
  return `${JSON.stringify(input, null, 2)}\n`;
}

/** A label-set file read into the form; one-line errors naming the file. */
export function importJson(text: string, fileName: string): LabelSetForm {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName}: not valid JSON: ${jsonSyntaxText(text, error)}`, { cause: error });
  }
  const fail = (why: string): never => {
    throw new Error(`${fileName}: ${why}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('expected a label set {"name", "labels": [...]}');
  const o = value as Record<string, unknown>;
  if (typeof o['name'] !== 'string') fail('"name" must be a string');
  if (!Array.isArray(o['labels'])) fail('"labels" must be an array');
  const labels = (o['labels'] as unknown[]).map((l, i) => {
    if (typeof l === 'string') return labelRow(l);
    if (typeof l === 'object' && l !== null && typeof (l as { name?: unknown }).name === 'string') {
      const prompts = (l as { prompts?: unknown }).prompts ?? [];
      if (!Array.isArray(prompts) || !prompts.every((p) => typeof p === 'string')) fail(`labels[${i}].prompts must be an array of strings`);
      return labelRow((l as { name: string }).name, (prompts as string[]).join('\n'));
    }
    return fail(`labels[${i}] must be a string or {"name", "prompts"}`);
  });
  const templates = o['templates'];
  if (templates !== undefined && (!Array.isArray(templates) || !templates.every((t) => typeof t === 'string'))) fail('"templates" must be an array of strings');
  return {
    name: o['name'] as string,
    labels,
    threshold: String(o['threshold'] ?? DEFAULT_THRESHOLD),
    margin: String(o['margin'] ?? DEFAULT_MARGIN),
    templates: (templates as string[] | undefined) ?? null,
  };
}

/**
 * JSON.parse's complaint, whole, on one line, with where it is as line and column. V8 quotes
 * the text around a bad token (`Unexpected token 'o', "not json\n" is not valid JSON`), its
 * newlines too, so a first line of it ends mid-quote: the quote is dropped, and the token's
 * place said instead. Messages that give a position ("… in JSON at position 7") say it the same way.
 */
export function jsonSyntaxText(text: string, error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).trim();
  const token = /^(Unexpected token '.*?'), (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s.exec(message);
  if (token) {
    const at = badTokenAt(text);
    return at === null ? token[1]! : `${token[1]!} ${placeText(text, at)}`;
  }
  const positioned = /^(.*?)(?: in JSON)? at position (\d+)(?: \(line \d+ column \d+\))?$/s.exec(message);
  if (positioned) return `${positioned[1]!.replace(/\s+/g, ' ')} ${placeText(text, Number(positioned[2]))}`;
  return message.replace(/\s+/g, ' ');
}

/**
 * Where JSON.parse meets the bad token it names without a position: the shortest start of the
 * text that already fails there (rather than only ending too early) ends just after it.
 */
function badTokenAt(text: string): number | null {
  const failsWithin = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      if (message.startsWith('Unexpected end of JSON input')) return false;
      const at = /at position (\d+)/.exec(message);
      return at === null || Number(at[1]) < length;
    }
  };
  if (!failsWithin(text.length)) return null;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (failsWithin(middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

/** "at line 2, column 7" for a position (0-based) in the text. */
function placeText(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `at line ${line}, column ${position - (before.lastIndexOf('\n') + 1) + 1}`;
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
 * The first label listed twice (ignoring case and surrounding spaces, as the engine does),
 * caught before Save so the editor can say so next to the row rather than in the engine's
 * JSON terms ("labels[1] repeats the label …").
 */
export function repeatedLabel(form: LabelSetForm): RowProblem | null {
  const seen = new Set<string>();
  for (const row of form.labels) {
    const name = row.name.trim();
    if (!name) continue;
    if (seen.has(name.toLowerCase())) return { key: row.key, message: `“${name}” is listed twice.` };
    seen.add(name.toLowerCase());
  }
  return null;
}
