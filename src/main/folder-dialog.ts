// LibraryApi.chooseFolder in the desktop app: the engine has no windows, so main answers it
// with the platform's folder dialog, attached to the window that asked.
import { BrowserWindow, dialog, type WebContents } from 'electron';

/** The chosen folder's path, or null when the user cancelled. */
export async function chooseFolder(sender: WebContents): Promise<string | null> {
  const options = { title: 'Add a folder to Shoebox', properties: ['openDirectory' as const] };
  const parent = BrowserWindow.fromWebContents(sender);
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
