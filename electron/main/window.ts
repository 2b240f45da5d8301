import path from 'node:path';
import { BrowserWindow, shell } from 'electron';

/**
 * The app window: sandboxed, isolated, no Node in the page, no navigation away from the app and
 * no new windows (external links open in the system browser).
 */
export function createMainWindow(outDir: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'County Ledger 县级扶贫台账',
    webPreferences: {
      preload: path.join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Only for Chromium's built-in PDF viewer: the certificates screen previews and prints the
      // printed PDF in an <iframe> of a blob: URL (renderer/src/pages/certificates/PdfPreview.tsx).
      plugins: true,
    },
  });
  const appUrl = new URL(`file://${path.join(outDir, 'renderer', 'index.html')}`).href;
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== appUrl) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(path.join(outDir, 'renderer', 'index.html'));
  return win;
}
