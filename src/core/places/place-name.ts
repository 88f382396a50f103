// Place names compared as a user types them: case, accents and spacing ignored, so a
// keyboard without "í" still finds Reykjavík.
export function normalizePlaceName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
