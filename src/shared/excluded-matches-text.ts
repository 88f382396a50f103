// Why a smart album shows no photo when its query does match some: they are all excluded by
// hand. The fact in one wording for the CLI's `albums show` and the app's album view (each adds
// its own way to put a photo back); the count is the core's (AlbumSummary.excludedMatches).

/** "1 matching photo is excluded", "3 matching photos are excluded". */
export function excludedMatchesText(count: number): string {
  return count === 1 ? '1 matching photo is excluded' : `${count} matching photos are excluded`;
}
