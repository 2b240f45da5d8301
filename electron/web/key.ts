/**
 * The web host's ledger key: COUNTY_LEDGER_KEY; if it is not set and the ledger is encrypted, the
 * key is asked for on the terminal (hidden input) when there is one, else the host refuses to
 * start. A plain ledger without a key still starts, with a loud warning that it is not encrypted.
 * Bilingual messages; the host never writes the key anywhere.
 */
import { isEncryptedFile, keyFromEnv, keyedOpener, parseKey, KEY_ENV, type LedgerKey } from '../../db/crypto';
import { LedgerError } from '../../db/errors';
import { readHidden } from './prompt';

export interface KeyIo {
  env: NodeJS.ProcessEnv;
  /** Whether a person can be asked (stdin is a TTY). */
  interactive: boolean;
  ask(question: string): Promise<string>;
  warn(text: string): void;
}

export const defaultKeyIo = (): KeyIo => ({
  env: process.env,
  interactive: Boolean(process.stdin.isTTY && process.stdin.setRawMode),
  ask: (q) => readHidden(q),
  warn: (t) => process.stderr.write(`${t}\n`),
});

const ATTEMPTS = 3;

/** The key to open `ledgerPath` with, or null for a plain ledger. Throws LedgerError to refuse. */
export async function resolveWebKey(ledgerPath: string, io: KeyIo = defaultKeyIo()): Promise<LedgerKey | null> {
  const fromEnv = keyFromEnv(io.env);
  if (fromEnv) return fromEnv;
  if (!isEncryptedFile(ledgerPath)) {
    io.warn([
      '!!! ──────────────────────────────────────────────────────────────────────────────',
      `!!! WARNING: the ledger ${ledgerPath} is NOT encrypted. Anyone who can copy the file can read`,
      `!!!   every household's names, ID numbers and bank accounts. Set ${KEY_ENV} (a passphrase of 16+`,
      '!!!   characters or 64 hex digits) and start again: the ledger and its backups are then encrypted.',
      `!!! 警告：台账 ${ledgerPath} 未加密。任何能复制该文件的人都能读取全部农户的姓名、身份证号和银行账号。`,
      `!!!   请设置 ${KEY_ENV}（至少 16 个字符的口令或 64 位十六进制数）后重新启动，台账及其备份将被加密。`,
      '!!! ──────────────────────────────────────────────────────────────────────────────',
    ].join('\n'));
    return null;
  }
  if (!io.interactive) {
    throw new LedgerError('LOCKED', {
      en: `The ledger ${ledgerPath} is encrypted and ${KEY_ENV} is not set. Set ${KEY_ENV} to its key, or start the host in a terminal to type it in. Nothing was changed.`,
      zh: `台账 ${ledgerPath} 已加密，但未设置 ${KEY_ENV}。请将 ${KEY_ENV} 设为其密钥，或在终端中启动以输入密钥。文件未作任何改动。`,
    });
  }
  for (let attempt = 1; ; attempt++) {
    let key: LedgerKey;
    try {
      key = parseKey(await io.ask('Ledger key 台账密钥: '));
      keyedOpener(key)(ledgerPath, { readonly: true }).close();
      return key;
    } catch (err) {
      if (!(err instanceof LedgerError) || attempt >= ATTEMPTS) throw err;
      io.warn(`${err.message}\n${err.zh}`);
    }
  }
}
