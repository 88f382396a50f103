// The desktop app's answer to a page that refuses to unload (an editor with changes not
// saved: App.tsx's beforeunload). Chromium's own question is never shown in Electron: without
// this the window would neither close nor reload, and say nothing. Asked as the in-app
// LeaveDialog asks, "Keep editing" the safe default.
import { dialog, type BrowserWindow } from 'electron';

const LEAVE = 0;

export function askBeforeLeavingUnsaved(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: 'Shoebox',
      message: 'Leave without saving?',
      detail: 'Your changes are not saved: leaving drops them.',
      buttons: ['Leave without saving', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    // preventDefault here overrides the page's refusal: the window closes (or reloads).
    if (choice === LEAVE) event.preventDefault();
  });
}
