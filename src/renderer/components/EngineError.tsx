/** The library cannot be reached or opened (another Shoebox is writing to it, the engine stopped). */
export function EngineError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <section className="empty-state" role="alert" aria-labelledby="engine-error-title">
      <h2 id="engine-error-title">Shoebox cannot open the library</h2>
      <p>{message}</p>
      <button type="button" className="button button--primary" onClick={onRetry}>
        Try again
      </button>
    </section>
  );
}
