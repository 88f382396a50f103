// The app's keyboard shortcuts, grouped by where they work: shown in Settings and by "?".
// Written here, not generated: the handlers live in the components that own them (App,
// useGridKeys, Viewer, ZoomableImage, Slideshow, ReviewCard, PlaceMap, TimelineScrubber), and
// a change there must change this list too. Plain focus keys (Tab, Enter on a button) are not
// listed.
export interface ShortcutGroup {
  title: string;
  keys: readonly (readonly [key: string, what: string])[];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Main window',
    keys: [
      ['/', 'Search'],
      ['↓ Enter', 'From the search box to the first result (Enter searches at once)'],
      [',', 'Settings'],
      ['?', 'This list'],
      ['Esc', 'Clear the search (in the search box), close the viewer or a panel'],
    ],
  },
  {
    title: 'Photo grids',
    keys: [
      ['← → ↑ ↓', 'Move the focus (Shift extends the selection)'],
      ['Home End', 'The first / last photo of the list'],
      ['PageUp PageDown', 'About a screen of rows up / down'],
      ['Space', 'Select or unselect the focused photo'],
      ['Enter', 'Open the focused photo'],
      ['Ctrl/⌘ A', 'Select every photo in view'],
      ['F', 'Favourite the selection (or unmark it)'],
      ['Shift A', 'Archive the selection (or bring it back)'],
      ['R', 'Rotate the selection right (Shift R: left)'],
      ['Delete ⌫', 'Move the selection to the trash, or in an album take it out of the album (asks first)'],
      ['Esc', 'Clear the selection'],
    ],
  },
  {
    title: 'Timeline rail',
    keys: [
      ['↑ ↓', 'A newer / an older month (on the focused month)'],
      ['Home End', 'The newest / oldest month'],
    ],
  },
  {
    title: 'Viewer',
    keys: [
      ['← →', 'Previous / next photo'],
      ['F', 'Favourite (again: unmark)'],
      ['Shift A', 'Archive (again: bring back)'],
      ['R', 'Rotate right (Shift R: left)'],
      ['Delete ⌫', 'Move the photo to the trash (asks first)'],
      ['S', 'Slideshow from this photo'],
      ['I', 'Show / hide the details'],
      ['+ −', 'Zoom in / out'],
      ['0', 'Fit the photo'],
    ],
  },
  {
    title: 'Slideshow',
    keys: [
      ['Space', 'Pause / play'],
      ['← →', 'Previous / next photo'],
      ['Esc', 'Back to the viewer'],
    ],
  },
  {
    title: 'Tag review',
    keys: [
      ['A', 'Accept the focused tag'],
      ['R', 'Reject it'],
      ['U', 'Undo'],
    ],
  },
  {
    title: 'Places map',
    keys: [
      ['← → ↑ ↓', 'The nearest town that way'],
      ['Home End', 'The most / least photographed town'],
      ['Enter Space', "Open the town's photos"],
    ],
  },
];
