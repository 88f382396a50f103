// Label sets as the core uses them: their JSON (validated by the shared validator in
// src/shared/label-set.ts, which the app's editor uses too) and a label found by name.
import { createHash } from 'node:crypto';
import type { LabelSetInput } from '../../shared/api';
import { LabelSetError, labelKey, type LabelSet } from '../../shared/label-set';

export {
  DEFAULT_MARGIN,
  DEFAULT_THRESHOLD,
  LabelSetError,
  MAX_LABELS,
  labelKey,
  parseLabelSet,
  parseLabelSetJson,
  type Label,
  type LabelSet,
} from '../../shared/label-set';

/** The set as users export it: labels without prompts as plain strings. */
export function labelSetToJson(set: LabelSet): LabelSetInput {
  return {
    name: set.name,
    labels: set.labels.map((l) => (l.prompts.length ? { name: l.name, prompts: l.prompts } : l.name)),
    threshold: set.threshold,
    margin: set.margin,
    ...(set.templates ? { templates: set.templates } : {}),
  };
}

/** The index of a label in the set by name (case-insensitive), or -1. */
export function labelIndex(set: LabelSet, label: string): number {
  const key = labelKey(label);
  return set.labels.findIndex((l) => labelKey(l.name) === key);
}

/**
 * The set's revision, as the editor got it with the set: a hash of its content as stored
 * (labelSetToJson). A save that brings the revision it started from is refused when the set
 * changed since (TaggingService.saveLabelSet), so an editor open for minutes never writes over
 * an import made meanwhile. Content, not a time: the same set imported again is no change.
 */
export function labelSetRevision(set: LabelSet): string {
  return createHash('sha256').update(JSON.stringify(labelSetToJson(set))).digest('hex').slice(0, 16);
}

/** A save refused because the set changed since the editor loaded it: reloading is the way on. */
export class LabelSetConflictError extends LabelSetError {
  override name = 'LabelSetConflictError';
}
