/**
 * Desktop printing of a registered print file to the office printer (Electron main process only).
 *
 * The PDF is opened in a hidden window with Chromium's PDF viewer and printed with
 * `webContents.print()`: the system print dialog (printer, copies, duplex) unless `silent`, then
 * the window is closed. Electron ≥ 32 prints the PDF itself (electron/electron#43309 fixed the blank
 * page that older versions printed from a PDF document); this app uses Electron 45.
 *
 * Only files under `<dataDir>/prints` named as printFileName names them can be printed (the same
 * check as certificates.file), so the page can never make the main process open another file.
 *
 * NOT EXERCISED ON THE DEVELOPMENT MACHINE: Electron cannot start there (no display); the web host's
 * path (preview frame → browser print, or "Save as PDF") is what the browser tests cover.
 * See docs/CERTIFICATES.md, "Printing".
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { printFilePath, printsDirOf } from '../certificates/files';
import { PRINT_FILE_CHANNEL } from '../api/contract';


export interface PrintFileOptions {
  /** Print without the dialog, to `deviceName` or the default printer. Default false (dialog). */
  silent?: boolean;
  deviceName?: string;
  copies?: number;
}

export type PrintFileResult = { ok: true } | { ok: false; reason: string; zh: string };

/** The PDF viewer loads its document after the page itself; give it a moment before printing. */
const VIEWER_SETTLE_MS = 800;

/** Prints a PDF file through a hidden window; resolves when the job was handed to the printer (or refused). */
export async function printPdfFile(file: string, options: PrintFileOptions = {}): Promise<PrintFileResult> {
  if (!fs.existsSync(file)) return { ok: false, reason: `No such file: ${file}`, zh: `找不到文件：${file}` };
  const win = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: { plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true },
  });
  try {
    await win.loadURL(pathToFileURL(file).href);
    await new Promise((resolve) => setTimeout(resolve, VIEWER_SETTLE_MS));
    return await new Promise<PrintFileResult>((resolve) => {
      win.webContents.print(
        { silent: options.silent ?? false, deviceName: options.deviceName, copies: options.copies, printBackground: true },
        (success, failureReason) => {
          if (success) resolve({ ok: true });
          else if (failureReason === 'Print job canceled' || failureReason === 'cancelled') resolve({ ok: false, reason: 'Cancelled', zh: '已取消打印' });
          else resolve({ ok: false, reason: `Printing failed: ${failureReason}`, zh: `打印失败：${failureReason}` });
        },
      );
    });
  } catch (err) {
    return { ok: false, reason: `Printing failed: ${(err as Error).message}`, zh: `打印失败：${(err as Error).message}` };
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
}

/** The printers the system knows, for a printer choice (name and display name). */
export async function listPrinters(): Promise<{ name: string; displayName: string }[]> {
  const win = new BrowserWindow({ show: false });
  try {
    return (await win.webContents.getPrintersAsync()).map((p) => ({ name: p.name, displayName: p.displayName }));
  } finally {
    win.destroy();
  }
}

/**
 * Answers `printFile(fileName, options)` from the window: a print file of `<dataDir>/prints` by its
 * name (printFileName's pattern; anything else is refused before a window opens), and only when
 * `mayPrint` accepts the caller (our own page, signed in).
 */
export function registerPdfPrinting(dataDir: string, mayPrint: (event: IpcMainInvokeEvent) => boolean): void {
  const printsDir = printsDirOf(dataDir);
  ipcMain.handle(PRINT_FILE_CHANNEL, async (event, fileName: unknown, options: unknown): Promise<PrintFileResult> => {
    if (!mayPrint(event)) return { ok: false, reason: 'Sign in from the County Ledger window to print', zh: '请在本软件窗口中登录后再打印' };
    let file: string;
    try {
      file = printFilePath(printsDir, String(fileName));
    } catch {
      return { ok: false, reason: 'Not a print file name', zh: '不是打印文件名' };
    }
    const o = (options ?? {}) as PrintFileOptions;
    return printPdfFile(file, {
      silent: o.silent === true,
      ...(typeof o.deviceName === 'string' ? { deviceName: o.deviceName.slice(0, 200) } : {}),
      ...(Number.isInteger(o.copies) && o.copies! > 0 && o.copies! <= 99 ? { copies: o.copies } : {}),
    });
  });
}
