import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain } from 'electron';
import { LedgerHost } from '../api/host';
import { IPC_CHANNEL } from '../api/contract';
import { LedgerError } from '../../db/errors';
import { generateCounty } from '../../db/demo/generate';
import { createMainWindow } from './window';
import { installMenu } from './menu';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

app.enableSandbox();

async function main(): Promise<void> {
  await app.whenReady();
  const host = new LedgerHost({ dataDir: arg('data') ?? path.join(app.getPath('userData'), 'ledger') });
  try {
    const demo = arg('demo');
    if (demo && !fs.existsSync(host.ledgerPath)) generateCounty(host.createEmpty(), { scale: demo as 'demo', seed: 1 });
    host.openExisting();
  } catch (err) {
    // Never reset or recreate a ledger that cannot be opened: say why and stop.
    const text = err instanceof LedgerError ? `${err.zh}\n\n${err.message}` : String(err);
    dialog.showErrorBox('无法打开台账 Cannot open the ledger', text);
    app.exit(1);
    return;
  }

  const win = createMainWindow(outDir);
  installMenu(win);
  const appUrl = new URL(`file://${path.join(outDir, 'renderer', 'index.html')}`).href;

  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => {
    // Only our own page in our own window may call the ledger.
    if (event.sender !== win.webContents || event.senderFrame?.url !== appUrl) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Unknown caller', zh: '未知调用方' } };
    }
    return host.call(`ipc:${event.sender.id}`, String(method), input);
  });

  app.on('window-all-closed', () => {
    host.close();
    app.quit();
  });
}

void main();
