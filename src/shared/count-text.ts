// "1 photo", "3 photos", "2 copies": a count and its noun, for every line that says one.

/** `n` and the noun that goes with it; `many` for the plurals an added s does not make. */
export function countText(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
