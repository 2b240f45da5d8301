import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { LedgerHost } from '../api/host';
import { IPC_CHANNEL } from '../api/contract';
import { LedgerError } from '../../db/errors';
import { keyFromEnv } from '../../db/crypto';
import { acknowledgeRecovery, desktopLedgerKey, hasLedgerKey, importRecoveryKey, recoveryAcknowledged, recoveryKey } from './keychain';
import { createMainWindow } from './window';
import { installMenu } from './menu';
import { registerPdfPrinting } from './print';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

app.enableSandbox();

async function main(): Promise<void> {
  await app.whenReady();
  const dataDir = arg('data') ?? path.join(app.getPath('userData'), 'ledger');
  let host: LedgerHost;
  try {
    // COUNTY_LEDGER_KEY (set on purpose: recovery key on a new computer, `npm start` demo) wins;
    // otherwise the key sealed in the OS keychain, created on the first start.
    const fromEnv = keyFromEnv();
    delete process.env.COUNTY_LEDGER_KEY;
    const { key } = fromEnv ? { key: fromEnv } : await desktopLedgerKey(dataDir, path.join(dataDir, 'ledger.sqlite'));
    if (!fromEnv && key.kind === 'raw' && !recoveryAcknowledged(dataDir)) {
      // Shown until confirmed: without this sheet a lost OS profile is a lost ledger.
      await dialog.showMessageBox({
        type: 'warning',
        title: '恢复密钥 Recovery key',
        message: '请抄写并离线保管恢复密钥。Write the recovery key down and keep it offline.',
        detail: `${recoveryKey(key)}\n\n台账已加密，密钥保存在本机系统密钥环中。重装系统或更换电脑后，只有凭此恢复密钥才能打开台账；丢失即无法恢复。\nThe ledger is encrypted and its key is kept in this computer's keychain. After a reinstall or on another computer only this recovery key opens the ledger; if it is lost, the ledger is lost.`,
        buttons: ['已抄写 I have written it down'],
      });
      acknowledgeRecovery(dataDir);
    }
    host = new LedgerHost({ dataDir, key, check: 'defer' });
    const demo = arg('demo');
    if (demo && !fs.existsSync(host.ledgerPath)) {
      const { generateCounty } = await import('../../db/demo/generate');
      generateCounty(host.createEmpty(), { scale: demo as 'demo', seed: 1 });
    }
    // An existing plain ledger (and its plain backups) is encrypted here, before the window opens.
    host.openExisting();
    // A recovery key that has just opened the ledger on this computer is sealed in its keychain,
    // so the next start needs no COUNTY_LEDGER_KEY (where the OS has protected storage).
    if (fromEnv?.kind === 'raw' && !hasLedgerKey(dataDir)) {
      await importRecoveryKey(dataDir, fromEnv.hex).then(() => acknowledgeRecovery(dataDir), (err: unknown) => {
        console.warn(`the recovery key was not sealed in the keychain (恢复密钥未存入系统密钥环): ${String(err)}`);
      });
    }
  } catch (err) {
    // Never reset or recreate a ledger that cannot be opened: say why and stop.
    const text = err instanceof LedgerError ? `${err.zh}\n\n${err.message}` : String(err);
    dialog.showErrorBox('无法打开台账 Cannot open the ledger', text);
    app.exit(1);
    return;
  }
  void host.integrityCheck.then((failure) => {
    if (failure) dialog.showErrorBox('台账完整性检查未通过 Integrity check failed', `${failure.zh}\n\n${failure.message}`);
  });

  const win = createMainWindow(outDir);
  installMenu(win);
  const appUrl = new URL(`file://${path.join(outDir, 'renderer', 'index.html')}`).href;

  // Only our own page in our own window may call the ledger.
  const fromOurPage = (event: IpcMainInvokeEvent) => event.sender === win.webContents && event.senderFrame?.url === appUrl;
  registerPdfPrinting(dataDir, (event) => fromOurPage(event) && host.sessions.get(`ipc:${event.sender.id}`).userId !== null);
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!fromOurPage(event)) {
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
