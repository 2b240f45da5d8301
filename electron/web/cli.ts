import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LedgerHost } from '../api/host';
import { generateCounty } from '../../db/demo/generate';
import { startWebHost } from './server';

/**
 * `node out/main/web.js [--data DIR] [--port N] [--demo SCALE]`: the same app in a browser.
 * With --demo and no ledger in DIR yet, the synthetic demo county is created first.
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

const host = new LedgerHost({ dataDir: values.data! });
if (values.demo && !fs.existsSync(host.ledgerPath)) {
  const ledger = host.createEmpty();
  process.stdout.write(`Creating the synthetic demo county (${values.demo}) in ${host.ledgerPath} …\n`);
  const summary = generateCounty(ledger, { scale: values.demo as 'demo', seed: 1 });
  process.stdout.write(`  ${summary.households} households, ${summary.members} members in ${summary.ms} ms\n`);
}
host.openExisting();

const web = await startWebHost({ host, rendererDir, port: Number(values.port) });
process.stdout.write(`County Ledger is serving on ${web.url} (loopback only). Press Ctrl+C to stop.\n`);

const stop = async () => {
  await web.close();
  host.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
