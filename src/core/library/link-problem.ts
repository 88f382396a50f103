// Why a symbolic link in a photo folder cannot be followed, in the words `index` and `status`
// say it (scan.ts, indexer.ts): a link that points back into itself (ELOOP) is a loop the user
// must break, not a target to go and find (an unmounted disk).

/** "link loop" for a link that leads back to itself; "link target not found" otherwise. */
export function linkProblem(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ELOOP' ? 'link loop' : 'link target not found';
}
