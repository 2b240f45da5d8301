/**
 * The desktop's ledger key, sealed with Electron safeStorage (Windows DPAPI, macOS Keychain,
 * Linux libsecret/kwallet); electron/main/index.ts gets or creates it on every start
 * (`desktopLedgerKey`) and opens the ledger with it (docs/SECURITY.md, db/crypto.ts).
 *
 * The key is 32 random bytes used as a raw SQLCipher key (no passphrase, so no PBKDF2 delay on
 * open). Only its sealed form is stored, in `<dataDir>/ledger.key`: that blob opens only for the
 * same OS user on the same machine, so a copied data folder (or a stolen disk) is useless without
 * the Windows/Linux account. The flip side: a reinstalled OS or a lost profile loses the key, so
 * the administrator must write down the recovery key (`recoveryKey`) once and keep it offline.
 *
 * Call only after `app.whenReady()`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { safeStorage } from 'electron';
import { LedgerError } from '../../db/errors';
import { isEncryptedFile, KEY_ENV, parseKey, type LedgerKey } from '../../db/crypto';

export const KEY_FILE = 'ledger.key';
const MAGIC = 'county-ledger-key/1:';

const refuse = (en: string, zh: string): never => {
  throw new LedgerError('LOCKED', { en, zh });
};

/**
 * Refuses when the OS cannot protect the key: on Linux without a keyring Electron falls back to
 * "basic_text" (a hard-coded password), which would be encryption in name only.
 */
async function assertProtected(): Promise<void> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    refuse('The operating system offers no protected storage for the ledger key', '操作系统未提供可保护台账密钥的存储');
  }
  if (process.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') {
      refuse(
        `No desktop keyring is available (safeStorage backend "${backend}"); install and unlock GNOME Keyring or KWallet, or run the web host with COUNTY_LEDGER_KEY`,
        `没有可用的桌面密钥环（safeStorage 后端为 "${backend}"）；请安装并解锁 GNOME 密钥环或 KWallet，或以 COUNTY_LEDGER_KEY 运行网页版`,
      );
    }
  }
}

function writeAtomically(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Whether a sealed key exists for this data folder (i.e. the ledger there is meant to be encrypted). */
export function hasLedgerKey(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, KEY_FILE));
}

/** Unseals the key of this data folder; re-seals it when the OS says its own key was rotated. */
export async function loadLedgerKey(dataDir: string): Promise<LedgerKey> {
  await assertProtected();
  const file = path.join(dataDir, KEY_FILE);
  let sealed: Buffer;
  try {
    sealed = fs.readFileSync(file);
  } catch {
    return refuse(`The ledger key ${file} is missing`, `缺少台账密钥文件 ${file}`);
  }
  let plain: string;
  let reseal = false;
  try {
    const out = await safeStorage.decryptStringAsync(sealed);
    plain = out.result;
    reseal = out.shouldReEncrypt;
  } catch {
    return refuse(
      'The ledger key cannot be unsealed by this user on this computer; enter the recovery key',
      '当前用户在本机无法解开台账密钥，请输入恢复密钥',
    );
  }
  if (!plain.startsWith(MAGIC)) refuse('The ledger key file is not valid', '台账密钥文件无效');
  const key = parseKey(plain.slice(MAGIC.length));
  if (reseal) writeAtomically(file, await safeStorage.encryptStringAsync(plain));
  return key;
}

/** Creates and seals a new random raw key for a data folder that has none (first encryption). */
export async function createLedgerKey(dataDir: string): Promise<LedgerKey> {
  await assertProtected();
  const file = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(file)) refuse(`A ledger key already exists at ${file}; it was not replaced`, `${file} 已有台账密钥，未替换`);
  const hex = randomBytes(32).toString('hex');
  fs.mkdirSync(dataDir, { recursive: true });
  writeAtomically(file, await safeStorage.encryptStringAsync(`${MAGIC}${hex}`));
  return parseKey(hex);
}

/** Seals a key typed in from the recovery sheet (new computer, new OS profile). */
export async function importRecoveryKey(dataDir: string, recovery: string): Promise<LedgerKey> {
  await assertProtected();
  const key = parseKey(recovery.replace(/[\s-]/g, ''));
  if (key.kind !== 'raw') refuse('A recovery key is 64 hex digits', '恢复密钥为 64 位十六进制数');
  writeAtomically(path.join(dataDir, KEY_FILE), await safeStorage.encryptStringAsync(`${MAGIC}${(key as { hex: string }).hex}`));
  return key;
}

/**
 * Whether someone confirmed having written down the recovery key of this data folder. Until then
 * the sheet is shown at every start: a crash between creating the key and the dialog must not
 * leave an encrypted ledger whose key nobody has seen.
 */
const ACK_FILE = 'recovery-key-written-down';
export const recoveryAcknowledged = (dataDir: string) => fs.existsSync(path.join(dataDir, ACK_FILE));
export function acknowledgeRecovery(dataDir: string): void {
  writeAtomically(path.join(dataDir, ACK_FILE), Buffer.from(`${new Date().toISOString()}\n`));
}

/** The key for the recovery sheet, in groups of 4 for writing down: "7d3c-7d3c-…". */
export function recoveryKey(key: LedgerKey): string {
  if (key.kind !== 'raw') throw new TypeError('Only raw keys have a recovery form');
  return key.hex.match(/.{4}/g)!.join('-');
}

/**
 * The key for this start: the sealed one of this data folder, or — when there is none and the
 * ledger is not encrypted yet (first start, or a plain ledger from an older version) — a new one
 * (`created`: show its recovery key now; the ledger is encrypted when it is opened with it).
 * An encrypted ledger without a sealed key (new computer, lost OS profile) is refused: start once
 * with COUNTY_LEDGER_KEY set to the recovery key.
 */
export async function desktopLedgerKey(dataDir: string, ledgerPath: string): Promise<{ key: LedgerKey; created: boolean }> {
  if (hasLedgerKey(dataDir)) return { key: await loadLedgerKey(dataDir), created: false };
  if (isEncryptedFile(ledgerPath)) {
    refuse(
      `The ledger ${ledgerPath} is encrypted but its key is not on this computer. Start County Ledger with ${KEY_ENV} set to the recovery key from the recovery sheet.`,
      `台账 ${ledgerPath} 已加密，但本机没有其密钥。请将 ${KEY_ENV} 设为恢复单上的恢复密钥后启动本软件。`,
    );
  }
  return { key: await createLedgerKey(dataDir), created: true };
}
