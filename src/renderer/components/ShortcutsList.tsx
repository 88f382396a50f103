import { SHORTCUT_GROUPS } from '../lib/shortcuts';

/** Every key the app answers to, by where it works (Settings → Keyboard, and the "?" dialog). */
export function ShortcutsList() {
  return (
    <div className="shortcuts">
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h4>{group.title}</h4>
          <dl className="metadata">
            {group.keys.map(([key, what]) => (
              <div className="metadata__row" key={key}>
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
