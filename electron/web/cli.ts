import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LedgerHost } from '../api/host';
import { startWebHost } from './server';
import { resolveWebKey } from './key';
import { KEY_ENV } from '../../db/crypto';
import { LedgerError } from '../../db/errors';

/**
 * `node out/main/web.js [--data DIR] [--port N] [--demo SCALE]`: the same app in a browser.
 * With --demo and no ledger in DIR yet, the synthetic demo county is created first.
 * The ledger key comes from COUNTY_LEDGER_KEY (or the terminal, see ./key.ts); with a key a plain
 * ledger is encrypted on start. The integrity check runs in the background once the host answers.
 */
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.COUNTY_LEDGER_DATA ?? '.data' },
    port: { type: 'string', default: process.env.COUNTY_LEDGER_PORT ?? '5174' },
    demo: { type: 'string' },
    renderer: { type: 'string' },
  },
});

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = values.renderer ?? path.resolve(here, '../renderer');
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  console.error(`The built renderer is missing at ${rendererDir}; run "npm run build" first.`);
  process.exit(1);
}

const fail = (err: unknown): never => {
  if (err instanceof LedgerError) process.stderr.write(`${err.message}\n${err.zh}\n`);
  else process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
};

const ledgerPath = path.join(path.resolve(values.data!), 'ledger.sqlite');
const key = await resolveWebKey(ledgerPath).catch(fail);
// Workers get the key through workerData; nothing started from here needs it in the environment.
delete process.env[KEY_ENV];

const host = new LedgerHost({ dataDir: values.data!, key, check: 'defer' });
try {
  if (values.demo && !fs.existsSync(host.ledgerPath)) {
    // The demo generator loads only when a demo county is asked for.
    const { generateCounty } = await import('../../db/demo/generate');
    const ledger = host.createEmpty();
    process.stdout.write(`Creating the synthetic demo county (${values.demo}) in ${host.ledgerPath} …\n`);
    const summary = generateCounty(ledger, { scale: values.demo as 'demo', seed: 1 });
    process.stdout.write(`  ${summary.households} households, ${summary.members} members in ${summary.ms} ms\n`);
  }
  host.openExisting();
} catch (err) {
  fail(err);
}
if (key) process.stdout.write('The ledger is encrypted at rest. 台账已加密存储。\n');

const web = await startWebHost({ host, rendererDir, port: Number(values.port) });
process.stdout.write(`County Ledger is serving on ${web.url} (loopback only). Press Ctrl+C to stop.\n`);
void host.integrityCheck.then((failure) => {
  if (failure) process.stderr.write(`!!! ${failure.message}\n!!! ${failure.zh}\n`);
});

const stop = async () => {
  await web.close();
  host.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
