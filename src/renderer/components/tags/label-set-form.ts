// The label-set editor's form and the JSON it imports and exports. Prompts are edited one
// per line; the engine validates the whole set on Save (names, duplicates, thresholds) and
// its one-line message is what the editor shows.
import type { LabelSetInfo, LabelSetInput } from '../../../shared/api';
import { jsonSyntaxText } from '../../../shared/json-syntax-text';

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
