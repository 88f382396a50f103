// Work that must not overlap, run in call order: each call waits for the one before it
// (whether that one succeeded or failed) and answers with its own result. LanceDB commits to
// one table from two calls at once can conflict, so each feature's writes queue through one.
export type OneAtATime = <T>(work: () => Promise<T>) => Promise<T>;

export function oneAtATime(): OneAtATime {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = last.then(work, work);
    last = next.catch(() => undefined);
    return next;
  };
}
