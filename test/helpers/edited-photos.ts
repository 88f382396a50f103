// An edited photo set for duplicate detection, built with sharp from ../shared/photos into a
// temp folder (never into the repo): each base photo plus the edits a library meets in real
// life (resized, re-encoded, brightened, border-cropped, centre-cropped to the wallpaper
// aspect ratios, and combinations), exact copies of some, and the strecha frames as hard
// negatives (consecutive views of one scene: similar, not duplicates).
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Region, type Sharp } from 'sharp';
import { sharedPath } from './shared-data';

export interface EditedFile {
  path: string;
  /** Ground truth: files with the same `picture` are the same photo (near or exact duplicates). */
  picture: string;
  edit: string;
}

export interface EditedSet {
  dir: string;
  files: EditedFile[];
}

/** The 200 imagenet photos, by name. */
export function imagenetPhotos(): string[] {
  const dir = sharedPath('photos/imagenet');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.JPEG'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Photos for the held-out test (every 5th imagenet photo, 40 of them) and for tuning (the
 * other 160): thresholds were chosen on the tuning photos only.
 */
export function splitImagenet(): { heldOut: string[]; tuning: string[] } {
  const all = imagenetPhotos();
  return { heldOut: all.filter((_, i) => i % 5 === 0), tuning: all.filter((_, i) => i % 5 !== 0) };
}

export function strechaFrames(): string[] {
  const root = sharedPath('photos/strecha');
  return fs
    .readdirSync(root)
    .sort()
    .flatMap((scene) =>
      fs
        .readdirSync(path.join(root, scene))
        .filter((f) => f.endsWith('.jpg'))
        .sort()
        .map((f) => path.join(root, scene, f)),
    );
}

type Geometry = (img: Sharp, w: number, h: number) => Sharp;
/** A geometric/colour change, then JPEG at `quality`. */
type Edit = { name: string; quality: number; apply: Geometry };

/** Largest centred crop of aspect `a` (width / height). */
function centreCrop(w: number, h: number, a: number): Region {
  const width = Math.min(w, Math.round(h * a));
  const height = Math.min(h, Math.round(w / a));
  return { left: Math.floor((w - width) / 2), top: Math.floor((h - height) / 2), width, height };
}

/** Wallpaper packs crop landscape photos to landscape ratios and portrait ones to portrait. */
const aspectCrop =
  (a: number): Geometry =>
  (img, w, h) =>
    img.extract(centreCrop(w, h, w >= h ? a : 1 / a));

const border5: Geometry = (img, w, h) =>
  img.extract({ left: Math.round(w * 0.05), top: Math.round(h * 0.05), width: Math.round(w * 0.9), height: Math.round(h * 0.9) });

export const EDITS: readonly Edit[] = [
  { name: 'half', quality: 90, apply: (img, w) => img.resize({ width: Math.round(w / 2) }) },
  { name: 'q50', quality: 50, apply: (img) => img },
  { name: 'bright', quality: 90, apply: (img) => img.modulate({ brightness: 1.3 }) },
  { name: 'border5', quality: 90, apply: border5 },
  { name: '16x9', quality: 90, apply: aspectCrop(16 / 9) },
  { name: '16x10', quality: 90, apply: aspectCrop(16 / 10) },
  { name: '4x3', quality: 90, apply: aspectCrop(4 / 3) },
  { name: '16x9-small-q70', quality: 70, apply: (img, w, h) => aspectCrop(16 / 9)(img, w, h).resize({ width: Math.round(w * 0.6) }) },
  { name: '16x10-bright', quality: 85, apply: (img, w, h) => aspectCrop(16 / 10)(img, w, h).modulate({ brightness: 1.2 }) },
  { name: 'border5-q60', quality: 60, apply: border5 },
  // Not among the edits the thresholds were tuned on: darker, and a wallpaper crop of a border-cropped copy.
  { name: 'dark', quality: 85, apply: (img) => img.modulate({ brightness: 0.75 }) },
  {
    name: 'border5-16x10-q75',
    quality: 75,
    apply: (img, w, h) => {
      const inner = centreCrop(Math.round(w * 0.9), Math.round(h * 0.9), w >= h ? 16 / 10 : 10 / 16);
      return img.extract({ ...inner, left: inner.left + Math.round(w * 0.05), top: inner.top + Math.round(h * 0.05) });
    },
  },
];

async function writeEdits(source: string, picture: string, dir: string, edits: readonly Edit[]): Promise<EditedFile[]> {
  const files: EditedFile[] = [];
  const original = path.join(dir, `${picture}__orig.jpg`);
  fs.copyFileSync(source, original);
  files.push({ path: original, picture, edit: 'orig' });
  const meta = await sharp(source).metadata();
  const w = meta.autoOrient?.width ?? meta.width;
  const h = meta.autoOrient?.height ?? meta.height;
  for (const edit of edits) {
    const out = path.join(dir, `${picture}__${edit.name}.jpg`);
    await edit.apply(sharp(source, { autoOrient: true }), w, h).jpeg({ quality: edit.quality }).toFile(out);
    files.push({ path: out, picture, edit: edit.name });
  }
  return files;
}

export interface EditedSetOptions {
  bases: string[];
  /** Every n-th base also gets a byte-identical copy (an exact duplicate). */
  copyEvery?: number;
  /** Strecha frames as they are (negatives); `strechaEdited` of them also get edits. */
  strecha?: string[];
  strechaEdited?: number;
  dir: string;
}

/** Writes the set into `dir`; returns every file with its ground-truth picture id. */
export async function buildEditedSet(options: EditedSetOptions): Promise<EditedSet> {
  const { dir, copyEvery = 4 } = options;
  fs.mkdirSync(dir, { recursive: true });
  const files: EditedFile[] = [];
  for (const [i, base] of options.bases.entries()) {
    const picture = path.basename(base).replace(/\.[^.]+$/, '');
    const made = await writeEdits(base, picture, dir, EDITS);
    files.push(...made);
    if (copyEvery > 0 && i % copyEvery === 0) {
      const copy = path.join(dir, `${picture}__copy.jpg`);
      fs.copyFileSync(made[0]!.path, copy);
      files.push({ path: copy, picture, edit: 'copy' });
    }
  }
  const strecha = options.strecha ?? [];
  for (const [i, frame] of strecha.entries()) {
    const picture = `${path.basename(path.dirname(frame))}-${path.basename(frame, '.jpg')}`;
    const sub = path.join(dir, 'strecha');
    fs.mkdirSync(sub, { recursive: true });
    if (i < (options.strechaEdited ?? 0)) {
      // A camera-sized frame with a few edits: the ones that keep it large enough to matter.
      files.push(...(await writeEdits(frame, picture, sub, EDITS.filter((e) => ['half', '16x9', 'border5-q60'].includes(e.name)))));
    } else {
      const out = path.join(sub, `${picture}.jpg`);
      fs.copyFileSync(frame, out);
      files.push({ path: out, picture, edit: 'orig' });
    }
  }
  return { dir, files };
}

/** Unordered pairs as "a\0b" keys with a < b. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\0${b}` : `${b}\0${a}`;
}

/** Pairs of files that are the same picture. */
export function truePairs(files: readonly EditedFile[]): Set<string> {
  const byPicture = new Map<string, string[]>();
  for (const f of files) byPicture.set(f.picture, [...(byPicture.get(f.picture) ?? []), f.path]);
  return groupPairs([...byPicture.values()]);
}

export function groupPairs(groups: readonly (readonly string[])[]): Set<string> {
  const pairs = new Set<string>();
  for (const g of groups) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) pairs.add(pairKey(g[i]!, g[j]!));
  return pairs;
}

/** Precision and recall of reported pairs against the truth. */
export function pairScores(reported: Set<string>, truth: Set<string>): { precision: number; recall: number; reported: number; truth: number; falsePairs: string[] } {
  let hits = 0;
  const falsePairs: string[] = [];
  for (const p of reported) {
    if (truth.has(p)) hits++;
    else falsePairs.push(p);
  }
  return { precision: reported.size ? hits / reported.size : 1, recall: truth.size ? hits / truth.size : 1, reported: reported.size, truth: truth.size, falsePairs };
}
