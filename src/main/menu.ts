// The application menu: the platform's usual menus (built from Electron's roles, so they are
// localised and behave natively), plus Shoebox's own File entries. Those act on the library
// the way the UI does, through LibraryApi; the window learns of the result from the
// engine's events ('folders-changed', 'job'), as it would after a click in the sidebar.
import { app, dialog, Menu, shell, BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { LibraryApi } from '../shared/api';

export interface MenuContext {
  api: Pick<LibraryApi, 'addFolder'>;
  /** The library's data folder, opened by File > Open Data Folder. */
  home: string;
  /** Developer tools only while developing (electron-vite dev). */
  development: boolean;
}

/** File > Add Folder…: the folder dialog, then the same addFolder() as the sidebar's. */
export async function addFolderFromMenu(api: MenuContext['api']): Promise<void> {
  const options = { title: 'Add a folder to Shoebox', properties: ['openDirectory' as const] };
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const folder = result.canceled ? undefined : result.filePaths[0];
  if (!folder) return;
  try {
    await api.addFolder(folder);
  } catch (error) {
    dialog.showErrorBox('Could not add the folder', error instanceof Error ? error.message : String(error));
  }
}

/** Opens the data folder; shell.openPath answers a failure with its reason (never rejects): said. */
export async function openDataFolder(home: string): Promise<void> {
  const error = await shell.openPath(home);
  if (error) dialog.showErrorBox('Could not open the data folder', `${home}: ${error}`);
}

export function menuTemplate(platform: NodeJS.Platform, context: MenuContext): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Add Folder…', accelerator: 'CmdOrCtrl+O', click: () => void addFolderFromMenu(context.api) },
      { label: 'Open Data Folder', click: () => void openDataFolder(context.home) },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(context.development ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: `About ${app.getName()}`, role: 'about' }] },
  ];
}

export function installMenu(context: MenuContext): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, context)));
}
