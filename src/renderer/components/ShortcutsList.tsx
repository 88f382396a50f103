import { SHORTCUT_GROUPS } from '../lib/shortcuts';

/** Every key the app answers to, by where it works (Settings → Keyboard, and the "?" dialog).
 *  `headingLevel`: its groups' headings, one below the heading above them (Settings' h3
 *  "Keyboard": h4; the dialog's h2: h3), so a screen reader's outline skips no level. */
export function ShortcutsList({ headingLevel = 4 }: { headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="shortcuts">
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <Heading>{group.title}</Heading>
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
