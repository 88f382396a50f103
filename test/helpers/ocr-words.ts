// Scoring OCR output against the words a photo was made with: a word counts as found when
// some read word is within one edit of it (words of 5+ letters) or equal to it (shorter
// words), case and punctuation aside, or when it is part of a read word that runs expected
// words together ("OPEN24HOURS": PP-OCRv4 sometimes drops the spaces between Latin words).
// Recall: expected words found; precision: read words that match an expected word or such a
// run (anything else was misread or invented).

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

export function sameWord(expected: string, read: string): boolean {
  return expected.length >= 5 ? editDistance(expected, read) <= 1 : expected === read;
}

export interface WordScore {
  expected: number;
  found: number;
  read: number;
  matched: number;
  missing: string[];
  extra: string[];
}

export function scoreWords(expectedText: string, readText: string): WordScore {
  const expected = words(expectedText);
  const read = words(readText);
  const runs = new Set<string>();
  for (let i = 0; i < expected.length; i++) {
    for (let j = i + 2; j <= Math.min(expected.length, i + 4); j++) runs.add(expected.slice(i, j).join(''));
  }
  const isRun = (r: string): boolean => [...runs].some((run) => sameWord(run, r));
  const missing = expected.filter((e) => !read.some((r) => sameWord(e, r) || (isRun(r) && r.includes(e))));
  const extra = read.filter((r) => !expected.some((e) => sameWord(e, r)) && !isRun(r));
  return { expected: expected.length, found: expected.length - missing.length, read: read.length, matched: read.length - extra.length, missing, extra };
}
