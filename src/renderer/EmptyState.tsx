/** What a new user sees before any folder is watched. */
export function EmptyState() {
  return (
    <section className="empty-state">
      <h2>Add a folder to start</h2>
      <p>
        Shoebox indexes the photos in your folders on this computer, so you can search them by
        describing what is in them. Nothing is uploaded, and your originals are never changed.
      </p>
    </section>
  );
}
