// XMP sidecars for tags: `<photo>.xmp` beside the photo (the darktable / digiKam naming,
// which keeps IMG_1.jpg and IMG_1.cr2 apart), never the photo itself. Tags go to
//   dc:subject               a bag of plain keywords: the label ("dog")
//   lr:hierarchicalSubject   a bag of paths: "Shoebox|<set>|<label>" ("Shoebox|animals|dog")
// An existing sidecar is parsed (@xmldom/xmldom) and merged: every other property, and
// every keyword Shoebox did not write, stays as it was. The hierarchical entries mark
// Shoebox's own keywords, so when a set is written again its entries are replaced. Plain
// keywords cannot carry such a mark, so the ones Shoebox added (and only those: not one
// the user had already) are listed in shoebox:addedSubjects; one of them is removed again
// when its tag is gone and no other Shoebox entry still stands for it. The sets Shoebox
// writes into a sidecar are listed in shoebox:sets, so a sidecar stays its sets' after it
// lost their last keyword (a decision on a photo updates the sidecars of its set, xmpSets).
// Files are replaced atomically (temporary file in the same folder, fsync, rename).
import fs from 'node:fs';
import { writeFileAtomicSync } from '../../base/atomic-write';
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  lr: 'http://ns.adobe.com/lightroom/1.0/',
  xmlns: 'http://www.w3.org/2000/xmlns/',
  shoebox: 'urn:shoebox:xmp:1.0:',
} as const;

export const HIERARCHY_ROOT = 'Shoebox';

export interface XmpKeyword {
  set: string;
  label: string;
}

export class XmpError extends Error {
  override name = 'XmpError';
}

const EMPTY_SIDECAR = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Shoebox">
 <rdf:RDF xmlns:rdf="${NS.rdf}">
  <rdf:Description rdf:about=""/>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>
`;

export function sidecarPath(photoPath: string): string {
  return `${photoPath}.xmp`;
}

export function hierarchicalKeyword(k: XmpKeyword): string {
  return `${HIERARCHY_ROOT}|${k.set}|${k.label}`;
}

/**
 * The sidecar text with `keywords` as the current Shoebox keywords of the sets `sets`
 * (entries of other sets and everything else in `existing` kept). `existing` null: a new sidecar.
 */
export function mergeXmpKeywords(existing: string | null, sets: readonly string[], keywords: readonly XmpKeyword[]): string {
  const doc = parseXmp(existing ?? EMPTY_SIDECAR);
  const rdf = doc.getElementsByTagNameNS(NS.rdf, 'RDF')[0];
  if (!rdf) throw new XmpError('no rdf:RDF element');
  const owned = new Set(sets);
  const isOwned = (value: string) => {
    const parts = value.split('|');
    return parts.length === 3 && parts[0] === HIERARCHY_ROOT && owned.has(parts[1]!);
  };

  const hierarchy = findBag(doc, rdf, NS.lr, 'hierarchicalSubject');
  const subject = findBag(doc, rdf, NS.dc, 'subject');
  const added = findBag(doc, rdf, NS.shoebox, 'addedSubjects');
  const addedBefore = new Set(added ? items(added).map(text) : []);
  const oldHierarchy = hierarchy ? items(hierarchy) : [];
  const previousLabels = new Set(oldHierarchy.filter((li) => isOwned(text(li))).map((li) => text(li).split('|')[2]!));
  const keptHierarchy = oldHierarchy.filter((li) => !isOwned(text(li))).map(text);
  const newHierarchy = [...new Set(keywords.map(hierarchicalKeyword))].filter((h) => !keptHierarchy.includes(h));
  const newLabels = new Set(keywords.map((k) => k.label));
  // A plain keyword we added before goes only if no remaining entry still stands for it.
  const stillMeant = (label: string) => newLabels.has(label) || keptHierarchy.some((h) => h === label || h.endsWith(`|${label}`));
  const dropLabels = new Set([...previousLabels].filter((l) => addedBefore.has(l) && !stillMeant(l)));

  const subjectValues = subject ? items(subject).map(text) : [];
  const addLabels = [...newLabels].filter((l) => !subjectValues.includes(l));
  const subjectBag = subject ?? (addLabels.length ? createBag(doc, rdf, NS.dc, 'dc', 'subject') : null);
  if (subjectBag) {
    for (const li of items(subjectBag)) if (dropLabels.has(text(li))) removeItem(li);
    for (const l of addLabels) appendItem(doc, subjectBag, l);
  }
  const hierarchyBag = hierarchy ?? (newHierarchy.length ? createBag(doc, rdf, NS.lr, 'lr', 'hierarchicalSubject') : null);
  if (hierarchyBag) {
    for (const li of oldHierarchy) if (isOwned(text(li))) removeItem(li);
    for (const h of newHierarchy) appendItem(doc, hierarchyBag, h);
  }
  const addedBag = added ?? (addLabels.length ? createBag(doc, rdf, NS.shoebox, 'shoebox', 'addedSubjects') : null);
  if (addedBag) {
    for (const li of items(addedBag)) if (dropLabels.has(text(li))) removeItem(li);
    for (const l of addLabels) if (!addedBefore.has(l)) appendItem(doc, addedBag, l);
  }
  for (const bag of [hierarchyBag, subjectBag, addedBag]) if (bag && items(bag).length === 0) removeProperty(bag);
  const setsBag = findBag(doc, rdf, NS.shoebox, 'sets') ?? (sets.length ? createBag(doc, rdf, NS.shoebox, 'shoebox', 'sets') : null);
  if (setsBag) {
    const listed = new Set(items(setsBag).map(text));
    for (const set of sets) if (!listed.has(set)) appendItem(doc, setsBag, set);
  }
  return new XMLSerializer().serializeToString(doc);
}

/**
 * The label sets Shoebox writes into this sidecar: those listed in shoebox:sets, and (for
 * sidecars written before that list) those with a `Shoebox|set|label` entry.
 */
export function xmpSets(xml: string): Set<string> {
  const doc = parseXmp(xml);
  const rdf = doc.getElementsByTagNameNS(NS.rdf, 'RDF')[0];
  const sets = new Set<string>();
  if (!rdf) return sets;
  const values = (ns: string, name: string) => {
    const bag = findBag(doc, rdf, ns, name);
    return bag ? items(bag).map(text) : [];
  };
  for (const set of values(NS.shoebox, 'sets')) sets.add(set);
  for (const entry of values(NS.lr, 'hierarchicalSubject')) {
    const parts = entry.split('|');
    if (parts.length === 3 && parts[0] === HIERARCHY_ROOT) sets.add(parts[1]!);
  }
  return sets;
}

/** Keywords of a sidecar (for tests and for showing what is there). */
export function readXmpKeywords(xml: string): { subject: string[]; hierarchicalSubject: string[] } {
  const doc = parseXmp(xml);
  const rdf = doc.getElementsByTagNameNS(NS.rdf, 'RDF')[0];
  if (!rdf) return { subject: [], hierarchicalSubject: [] };
  const values = (ns: string, name: string) => {
    const bag = findBag(doc, rdf, ns, name);
    return bag ? items(bag).map(text) : [];
  };
  return { subject: values(NS.dc, 'subject'), hierarchicalSubject: values(NS.lr, 'hierarchicalSubject') };
}

/**
 * Writes or updates the photo's sidecar; returns whether the file changed. The photo is
 * only read (stat) to check that it exists. An unreadable existing sidecar is left alone.
 */
export function writeXmpSidecar(photoPath: string, sets: readonly string[], keywords: readonly XmpKeyword[]): { path: string; changed: boolean } {
  if (!fs.statSync(photoPath).isFile()) throw new XmpError(`not a file: ${photoPath}`);
  const file = sidecarPath(photoPath);
  let existing: string | null = null;
  try {
    existing = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let next: string;
  try {
    next = mergeXmpKeywords(existing, sets, keywords);
  } catch (error) {
    throw new XmpError(`${file}: the existing sidecar cannot be read as XMP (${(error as Error).message.split('\n')[0]}); left unchanged`);
  }
  if (existing !== null && next === existing) return { path: file, changed: false };
  writeFileAtomicSync(file, next, { mode: 0o644 });
  return { path: file, changed: true };
}

function parseXmp(xml: string): Document {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new XmpError(message.split('\n')[0] ?? 'invalid XML');
    },
  });
  return parser.parseFromString(xml, 'text/xml');
}

function elementChildren(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === c.ELEMENT_NODE) out.push(c as Element);
  return out;
}

/** The rdf:Bag (or Seq/Alt) of the property ns:name in any rdf:Description, if present. */
function findBag(doc: Document, rdf: Element, ns: string, name: string): Element | null {
  for (const description of elementChildren(rdf)) {
    if (description.namespaceURI !== NS.rdf || description.localName !== 'Description') continue;
    for (const property of elementChildren(description)) {
      if (property.namespaceURI !== ns || property.localName !== name) continue;
      const container = elementChildren(property).find((c) => c.namespaceURI === NS.rdf && ['Bag', 'Seq', 'Alt'].includes(c.localName ?? ''));
      if (container) return container;
      // A property without a container (not valid for these bags): give it one.
      const bag = doc.createElementNS(NS.rdf, qualified(property, NS.rdf, 'rdf', 'Bag'));
      property.appendChild(bag);
      return bag;
    }
  }
  return null;
}

function createBag(doc: Document, rdf: Element, ns: string, preferredPrefix: string, name: string): Element {
  let description = elementChildren(rdf).find((c) => c.namespaceURI === NS.rdf && c.localName === 'Description');
  if (!description) {
    description = doc.createElementNS(NS.rdf, qualified(rdf, NS.rdf, 'rdf', 'Description'));
    description.setAttributeNS(NS.rdf, qualified(rdf, NS.rdf, 'rdf', 'about'), '');
    rdf.appendChild(description);
  }
  let prefix = description.lookupPrefix(ns);
  if (!prefix) {
    prefix = preferredPrefix;
    // Another namespace may already use the preferred prefix here: take a free one.
    for (let n = 2; description.lookupNamespaceURI(prefix) !== null; n++) prefix = `${preferredPrefix}${n}`;
    description.setAttributeNS(NS.xmlns, `xmlns:${prefix}`, ns);
  }
  const indent = indentOf(description);
  const property = doc.createElementNS(ns, `${prefix}:${name}`);
  const bag = doc.createElementNS(NS.rdf, qualified(description, NS.rdf, 'rdf', 'Bag'));
  property.appendChild(doc.createTextNode(`\n${indent}  `));
  property.appendChild(bag);
  bag.appendChild(doc.createTextNode(`\n${indent}  `));
  property.appendChild(doc.createTextNode(`\n${indent} `));
  // Before the description's closing whitespace, so the file stays readable.
  const last = description.lastChild;
  const closing = last && last.nodeType === last.TEXT_NODE && !last.nodeValue?.trim() ? last : null;
  description.insertBefore(doc.createTextNode(`\n${indent} `), closing);
  description.insertBefore(property, closing);
  if (!closing) description.appendChild(doc.createTextNode(`\n${indent}`));
  return bag;
}

function qualified(context: Element, ns: string, preferred: string, local: string): string {
  const prefix = context.lookupPrefix(ns) ?? preferred;
  return `${prefix}:${local}`;
}

function items(bag: Element): Element[] {
  return elementChildren(bag).filter((c) => c.namespaceURI === NS.rdf && c.localName === 'li');
}

function text(li: Element): string {
  return (li.textContent ?? '').trim();
}

function appendItem(doc: Document, bag: Element, value: string): void {
  const indent = indentOf(bag);
  const li = doc.createElementNS(NS.rdf, qualified(bag, NS.rdf, 'rdf', 'li'));
  li.appendChild(doc.createTextNode(value));
  const last = bag.lastChild;
  const closing = last && last.nodeType === last.TEXT_NODE && !last.nodeValue?.trim() ? last : null;
  bag.insertBefore(doc.createTextNode(`\n${indent} `), closing);
  bag.insertBefore(li, closing);
  if (!closing) bag.appendChild(doc.createTextNode(`\n${indent}`));
}

function removeItem(li: Element): void {
  const before = li.previousSibling;
  if (before && before.nodeType === before.TEXT_NODE && !before.nodeValue?.trim()) before.parentNode?.removeChild(before);
  li.parentNode?.removeChild(li);
}

function removeProperty(bag: Element): void {
  const property = bag.parentNode as Element | null;
  if (property) removeItem(property);
}

function indentOf(element: Element): string {
  let depth = 0;
  for (let p = element.parentNode; p && p.nodeType === p.ELEMENT_NODE; p = p.parentNode) depth++;
  return ' '.repeat(depth);
}
