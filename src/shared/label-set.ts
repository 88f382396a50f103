// Label sets: a named list of labels, each with optional extra prompts, plus the set's
// decision parameters. This is the JSON users import and export:
//
//   {"name": "animals", "threshold": 0.3, "margin": 0.05,
//    "labels": ["dog", {"name": "cat", "prompts": ["a photo of a kitten"]}]}
//
// `threshold`, `margin` and `templates` are optional (defaults below; see
// src/core/tags/zero-shot.ts for the decision rule). Validation errors are one line naming the
// offending field, labels counted from 1 as people count them ("label 2", as the editor's
// rows are numbered). Shared, pure code: the one validator of a label-set file, so the app's
// editor refuses exactly what `shoebox labels import` refuses, in the same words.
import { jsonSyntaxText } from './json-syntax-text';

export interface Label {
  name: string;
  /** Extra prompts used as written, beside the templates filled with the name. */
  prompts: string[];
}

export interface LabelSet {
  name: string;
  labels: Label[];
  /** Minimum confidence (softmax over the set's labels, logit scale 100) for a tag. */
  threshold: number;
  /** Minimum cosine by which a label must beat the mean of the set's other labels. */
  margin: number;
  /** Prompt templates with `{}` for the label name; default: DEFAULT_TEMPLATES (src/core/tags/prompts.ts). */
  templates?: string[];
}

/**
 * Defaults from CLIP ViT-B/32's usual cosine ranges: a matching label scores about 0.3 and
 * unrelated ones about 0.2, so a real match beats the set's average by well over 0.05,
 * while a photo that fits no label rarely does. 0.3 lets two labels of one photo (a beach
 * at sunset) both be tagged. Sets tune both for their labels.
 */
export const DEFAULT_THRESHOLD = 0.3;
export const DEFAULT_MARGIN = 0.05;

export const MAX_LABELS = 10_000;
const MAX_NAME = 200;
const MAX_PROMPTS = 100;

export class LabelSetError extends Error {
  override name = 'LabelSetError';
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A name usable in `Shoebox|<set>|<label>` keywords: non-empty, no `|`, no control characters. */
function checkName(value: Json, where: string, fail: (msg: string) => never): string {
  if (typeof value !== 'string') fail(`${where} must be a string`);
  const name = (value as string).trim();
  if (!name) fail(`${where} must not be empty`);
  if (name.length > MAX_NAME) fail(`${where} is too long (over ${MAX_NAME} characters)`);
  if (name.includes('|')) fail(`${where} must not contain "|" (it separates levels of hierarchical keywords)`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) fail(`${where} must not contain control characters`);
  return name;
}

function checkUnknownKeys(obj: Record<string, Json>, allowed: string[], where: string, fail: (msg: string) => never): void {
  const unknown = Object.keys(obj).filter((k) => !allowed.includes(k));
  if (unknown.length) fail(`${where} has unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => JSON.stringify(k)).join(', ')}`);
}

/**
 * The key two label names are one label by: trimmed, in any case. A set holds each key once
 * (parseLabelSet), and everything that finds a label by name matches by it: labelIndex, the
 * user's decisions (current-labels.ts), search's `--tag`.
 */
export function labelKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Validates a parsed label set. `source` names it in errors (a file name, "stored set x").
 * Label names are unique within a set, compared case-insensitively.
 */
export function parseLabelSet(value: Json, source: string): LabelSet {
  const fail = (msg: string): never => {
    throw new LabelSetError(`label set ${source}: ${msg}`);
  };
  if (!isObject(value)) fail('must be a JSON object {"name", "labels"}');
  const obj = value as Record<string, Json>;
  checkUnknownKeys(obj, ['name', 'labels', 'threshold', 'margin', 'templates'], 'the set', fail);
  const name = checkName(obj.name, '"name"', fail);
  if (!Array.isArray(obj.labels)) fail('"labels" must be an array of strings or {"name", "prompts"} objects');
  const rawLabels = obj.labels as Json[];
  if (rawLabels.length < 2) fail('"labels" needs at least two labels (a tag is decided against the set\'s other labels)');
  if (rawLabels.length > MAX_LABELS) fail(`"labels" has more than ${MAX_LABELS} labels`);
  // Each label's key (labelKey) -> its index and its name as written, for the repeat's message.
  const seen = new Map<string, { index: number; written: string }>();
  const labels = rawLabels.map((raw, i): Label => {
    // Counted from 1, as the editor numbers its rows and people count: "label 2".
    const where = `label ${i + 1}`;
    let label: Label;
    if (typeof raw === 'string') label = { name: checkName(raw, where, fail), prompts: [] };
    else if (isObject(raw)) {
      checkUnknownKeys(raw, ['name', 'prompts'], where, fail);
      const labelName = checkName(raw.name, where, fail);
      const prompts = raw.prompts ?? [];
      if (!Array.isArray(prompts)) fail(`${where} prompts must be an array of strings`);
      if ((prompts as Json[]).length > MAX_PROMPTS) fail(`${where} has more than ${MAX_PROMPTS} prompts`);
      label = {
        name: labelName,
        prompts: (prompts as Json[]).map((p, j) => {
          if (typeof p !== 'string' || !p.trim()) fail(`${where} prompt ${j + 1} must be a non-empty string`);
          return (p as string).trim();
        }),
      };
    } else {
      return fail(`${where} must be a string or a {"name", "prompts"} object`);
    }
    const key = labelKey(label.name);
    const written = typeof raw === 'string' ? raw : String((raw as Record<string, Json>).name);
    const first = seen.get(key);
    if (first !== undefined) fail(`${where} ${JSON.stringify(written)} repeats label ${first.index + 1} ${JSON.stringify(first.written)} (labels are compared trimmed, in any case)`);
    seen.set(key, { index: i, written });
    return label;
  });
  const threshold = obj.threshold ?? DEFAULT_THRESHOLD;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) fail('"threshold" must be a number from 0 to 1');
  const margin = obj.margin ?? DEFAULT_MARGIN;
  if (typeof margin !== 'number' || !Number.isFinite(margin) || margin < -2 || margin > 2) fail('"margin" must be a number from -2 to 2 (cosine)');
  const set: LabelSet = { name, labels, threshold: threshold as number, margin: margin as number };
  if (obj.templates !== undefined) {
    if (!Array.isArray(obj.templates) || obj.templates.length === 0) fail('"templates" must be a non-empty array of strings');
    set.templates = (obj.templates as Json[]).map((t, i) => {
      if (typeof t !== 'string' || !t.includes('{}')) fail(`template ${i + 1} must be a string containing {} where the label goes`);
      return t as string;
    });
  }
  return set;
}

/**
 * Parses JSON text and validates it; a syntax error is one line too. A leading UTF-8 byte-order
 * mark (Windows Notepad writes one) is not part of the JSON: dropped here, the one parse of a
 * label-set file, so the CLI's import and the editor's Import JSON… read the same files.
 */
export function parseLabelSetJson(raw: string, source: string): LabelSet {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  let value: Json;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LabelSetError(`label set ${source}: not valid JSON: ${jsonSyntaxText(text, error)}`);
  }
  return parseLabelSet(value, source);
}
