import { Menu, app, type BrowserWindow } from 'electron';

export function installMenu(win: BrowserWindow): void {
  const isMac = process.platform === 'darwin';
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(isMac ? [{ role: 'appMenu' as const }] : []),
      {
        label: '文件 File',
        submenu: [
          { label: '打印 Print…', accelerator: 'CmdOrCtrl+P', click: () => win.webContents.print({ printBackground: true }) },
          { type: 'separator' },
          { role: 'quit', label: '退出 Quit' },
        ],
      },
      { label: '编辑 Edit', role: 'editMenu' },
      {
        label: '视图 View',
        submenu: [
          { role: 'reload', label: '刷新 Reload' },
          { role: 'resetZoom', label: '实际大小 Actual size' },
          { role: 'zoomIn', label: '放大 Zoom in' },
          { role: 'zoomOut', label: '缩小 Zoom out' },
          { role: 'togglefullscreen', label: '全屏 Full screen' },
          ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        ],
      },
    ]),
  );
}
