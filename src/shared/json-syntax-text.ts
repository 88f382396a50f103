// JSON.parse's complaint as every front end words it (a label set imported in the app or the
// CLI, settings.json, a model's config, a hub's answer): one line, with the bad token's place
// as line and column rather than V8's quote of the text around it (which carries its newlines).
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
