// Who writes the library, from the engine's "library busy" line (status().writerElsewhere):
//   library busy: shoebox watch on gpubox (pid 4242) is writing to s3://family/shoebox; stop it or wait for it to finish
// gives "shoebox watch on gpubox (pid 4242)". The line's wording is the engine's
// (src/core/library/writer-lock.ts); a line not worded that way ("library lease lost: …")
// gives null, and the banner then quotes the whole line instead.

/** The process named by a "library busy" line, or null when the line names none. */
export function writerOf(line: string): string | null {
  const text = line.trim();
  // The holder ends at its pid where it has one: a command or a host may hold any words.
  const match = /^library busy: (.+? \(pid \d+\)) is writing to /.exec(text) ?? /^library busy: (.+?) is (?:writing to|taking the writer lock)\b/.exec(text);
  const holder = match?.[1]?.trim();
  // "this process is already writing …": no other process to name.
  if (!holder || /^this process\b/.test(holder)) return null;
  return holder;
}

/** Whether an error line is a change refused because another process writes the library (or
 *  took it over): what it says stops being so once this process may write again. */
export function isWriterRefusal(line: string): boolean {
  return /^library (busy|lease lost):/.test(line.trim());
}
