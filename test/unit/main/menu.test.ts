// The application menu: the platform's standard menus, developer tools only in development,
// and File > Add Folder… going through the folder dialog to the same addFolder() as the UI.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import * as fake from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { addFolderFromMenu, installMenu, menuTemplate } = await import('../../../src/main/menu');

const api = () => ({ addFolder: vi.fn((_path: string) => Promise.resolve({} as never)) });
const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role ?? i.label);
const submenu = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label)!.submenu as MenuItemConstructorOptions[];

describe('application menu', () => {
  beforeEach(() => {
    fake.resetFakeElectron();
    fake.fakeElectron.app.getName.mockReturnValue('Shoebox');
    fake.fakeElectron.shell.openPath.mockResolvedValue('');
  });

  it('has the platform menus: the app menu first on macOS only', () => {
    const context = { api: api(), home: '/data', development: false };
    expect(roles(menuTemplate('darwin', context))).toEqual(['appMenu', 'File', 'editMenu', 'View', 'windowMenu', 'help']);
    expect(roles(menuTemplate('linux', context))).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
    expect(roles(submenu(menuTemplate('win32', context), 'File')).at(-1)).toBe('quit');
    expect(roles(submenu(menuTemplate('darwin', context), 'File')).at(-1)).toBe('close');
  });

  it('offers developer tools and reload only while developing', () => {
    const view = (development: boolean) => roles(submenu(menuTemplate('linux', { api: api(), home: '/data', development }), 'View'));
    expect(view(false)).not.toContain('toggleDevTools');
    expect(view(false)).not.toContain('reload');
    expect(view(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('File > Open Data Folder opens the library folder', () => {
    const file = submenu(menuTemplate('linux', { api: api(), home: '/data/shoebox', development: false }), 'File');
    (file.find((i) => i.label === 'Open Data Folder')!.click as () => void)();
    expect(fake.fakeElectron.shell.openPath).toHaveBeenCalledWith('/data/shoebox');
  });

  it('File > Add Folder… adds the chosen folder through LibraryApi; cancel adds nothing', async () => {
    const library = api();
    fake.fakeElectron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await addFolderFromMenu(library);
    expect(library.addFolder).not.toHaveBeenCalled();
    fake.fakeElectron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/me/Pictures'] });
    await addFolderFromMenu(library);
    expect(library.addFolder).toHaveBeenCalledWith('/home/me/Pictures');
    const file = submenu(menuTemplate('linux', { api: library, home: '/data', development: false }), 'File');
    expect(file[0]).toMatchObject({ label: 'Add Folder…', accelerator: 'CmdOrCtrl+O' });
  });

  it('says in a dialog why a folder could not be added', async () => {
    const library = { addFolder: vi.fn(() => Promise.reject(new Error('folder not found: /gone'))) };
    fake.fakeElectron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/gone'] });
    await addFolderFromMenu(library);
    expect(fake.fakeElectron.dialog.showErrorBox).toHaveBeenCalledWith('Could not add the folder', 'folder not found: /gone');
  });

  it('installs itself as the application menu', () => {
    installMenu({ api: api(), home: '/data', development: false });
    expect(fake.fakeElectron.Menu.setApplicationMenu).toHaveBeenCalledWith(expect.objectContaining({ template: expect.any(Array) }));
  });
});

describe('File > Open Data Folder when the folder cannot be opened', () => {
  it("shows shell.openPath's error instead of failing silently", async () => {
    fake.resetFakeElectron();
    fake.fakeElectron.shell.openPath.mockResolvedValue('Failed to open path');
    const { openDataFolder } = await import('../../../src/main/menu');
    await openDataFolder('/data/shoebox');
    expect(fake.fakeElectron.dialog.showErrorBox).toHaveBeenCalledWith('Could not open the data folder', '/data/shoebox: Failed to open path');
  });
});
