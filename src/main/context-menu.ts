// Right-click in a text field: Cut, Copy, Paste, Select All. Electron shows no context menu
// of its own, so without this the search box and Settings' fields had none. Roles, so the
// OS does the editing and names the items in its language; selected text elsewhere gets Copy.
import { Menu, type ContextMenuParams, type MenuItemConstructorOptions, type WebContents } from 'electron';

/** The menu a right-click with `params` gets; null where there is nothing to edit or copy. */
export function editMenuFor(params: Pick<ContextMenuParams, 'isEditable' | 'editFlags' | 'selectionText'>): MenuItemConstructorOptions[] | null {
  const flags = params.editFlags;
  if (params.isEditable) {
    return [
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: flags.canSelectAll },
    ];
  }
  return params.selectionText.trim() ? [{ role: 'copy', enabled: flags.canCopy }] : null;
}

export function addEditContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template = editMenuFor(params);
    if (template) Menu.buildFromTemplate(template).popup();
  });
}
