/**
 * Writes a synthetic demo county into a new ledger file (demo and benchmark use only):
 *
 *   npx tsx db/demo/cli.ts FILE [--scale tiny|demo|S|L|XL] [--seed N] [--today YYYY-MM-DD] [--no-users]
 *
 * Demo users (admin, registrar, accountant, reviewer, auditor) get the password "demo-password".
 * With COUNTY_LEDGER_KEY set the new file is encrypted with that key (db/crypto.ts).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openLedger } from '../ledger';
import { keyFromEnv } from '../crypto';
import { generateCounty } from './generate';
import { SCALE_NAMES, type ScaleName } from './scales';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scale: { type: 'string', default: 'demo' },
    seed: { type: 'string' },
    today: { type: 'string' },
    'no-users': { type: 'boolean', default: false },
  },
});

const file = positionals[0];
if (!file || !SCALE_NAMES.includes(values.scale as ScaleName)) {
  process.stderr.write(`usage: cli.ts FILE [--scale ${SCALE_NAMES.join('|')}] [--seed N] [--today YYYY-MM-DD] [--no-users]\n`);
  process.exit(2);
}
if (fs.existsSync(file)) {
  process.stderr.write(`${file} already exists; the demo county goes into a new file.\n`);
  process.exit(2);
}

const ledger = openLedger(file, { key: keyFromEnv() });
try {
  const summary = generateCounty(ledger, {
    scale: values.scale as ScaleName,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    today: values.today,
    users: !values['no-users'],
    onProgress: (done, total) => process.stderr.write(`\r${done} / ${total} households`),
  });
  process.stderr.write('\n');
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} finally {
  ledger.close();
}
