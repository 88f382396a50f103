// A duplicate decision's id as a person types it after `shoebox dupes undo` or a front end
// sends it: 8 hex digits (the core makes them lower case, dupes/decisions-file.ts), in either
// case, since a listed id is often retyped or pasted with capitals. One rule for the core,
// which compares only the form returned here, and for the CLI, which checks before it opens.

const ID = /^[0-9a-f]{8}$/i;

/** The id as the decisions file holds it; throws the one line for something that is none. */
export function duplicateDecisionId(typed: string): string {
  if (!ID.test(typed)) throw new Error(`no duplicate decision "${typed}": an id is 8 hex digits, as shoebox dupes decisions lists them`);
  return typed.toLowerCase();
}
