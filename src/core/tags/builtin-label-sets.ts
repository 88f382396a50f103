// Label sets shipped with Shoebox (resources/label-sets/*.json). `--labels scenes` finds
// the shipped set when no file of that name exists.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** resources/label-sets from the sources (src/core/tags) and from the bundle (out/<part>). */
function candidates(): string[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const fromResources = process.env.SHOEBOX_RESOURCES ? [path.join(process.env.SHOEBOX_RESOURCES, 'label-sets')] : [];
  return [...fromResources, path.resolve(here, '../../../resources/label-sets'), path.resolve(here, '../../resources/label-sets')];
}

export function builtinLabelSetsDir(): string | null {
  return candidates().find((dir) => fs.existsSync(dir)) ?? null;
}

/** Names of the shipped sets, sorted. */
export function builtinLabelSets(): string[] {
  const dir = builtinLabelSetsDir();
  if (!dir) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** The file to read for `--labels VALUE`: the path if it exists, else a shipped set by name. */
export function resolveLabelSetFile(value: string): string | null {
  if (fs.existsSync(value)) return value;
  const dir = builtinLabelSetsDir();
  const name = value.endsWith('.json') ? value.slice(0, -5) : value;
  if (dir && /^[a-z0-9-]+$/i.test(name) && fs.existsSync(path.join(dir, `${name}.json`))) return path.join(dir, `${name}.json`);
  return null;
}
