// The selection bar's Tag… with no label to tag with (no label set made or imported yet): an
// empty "Choose a label" and a Tag button that never enables said nothing. One line says where
// labels come from, in the words of the sidebar's Label sets section (LabelSetsSection).
export function NoLabelSetsHint() {
  return (
    <p className="selection-bar__row muted" role="status">
      No labels yet. Sort photos into labels you choose: “+ New” under Label sets.
    </p>
  );
}
