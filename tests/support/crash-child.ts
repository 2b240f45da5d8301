/**
 * The victim of tests/integration/crash.test.ts: a separate Node process that starts one large
 * write transaction on a ledger file and is killed with SIGKILL in the middle of it.
 *
 *   node --import tsx tests/support/crash-child.ts <ledger.sqlite> <mode>
 *
 * Modes:
 * - `import`:  registers thousands of households with their members through the real
 *              createHousehold, all inside ONE transaction (as an all-or-nothing import does);
 * - `payment`: a multi-statement payment-like write: for every household, a row update, an audit
 *              row and a running total, repeated in ONE transaction (a large, WAL-spilling
 *              transaction of the payment's shape). The REAL distribution payment (payPlan) is
 *              killed mid-way in tests/integration/assets.payment.test.ts.
 * Add `:commit` (e.g. `import:commit`) to write a smaller batch, COMMIT, and then wait to be killed.
 *
 * Protocol on stdout: `started` once the transaction has written enough that SQLite has spilled
 * uncommitted pages into the WAL file (so the kill leaves them on disk), `committed` after COMMIT.
 * Written with fs.writeSync so the parent sees each line before the next statement runs.
 */
import fs from 'node:fs';
import { openLedger } from '../../db/ledger';
import { inTransaction, nowIso } from '../../db/shared/tx';
import { appendAudit } from '../../db/audit';
import { createHousehold } from '../../db/registry/households';
import { makeIdNumber } from '../../db/rules/idNumber';
import type { Actor } from '../../db/actor';
import type { CreateHouseholdInput } from '../../db/registry/schemas';

const [file, modeArg = 'import'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: crash-child.ts <ledger.sqlite> <import|payment>[:commit]\n');
  process.exit(2);
}
const [mode, then] = modeArg.split(':') as ['import' | 'payment', 'commit' | undefined];
const say = (line: string) => fs.writeSync(1, `${line}\n`);

/** Large enough to run for many seconds: the parent kills long before the end. */
const IMPORT_HOUSEHOLDS = then === 'commit' ? 400 : 40_000;
const PAYMENT_ROUNDS = then === 'commit' ? 3 : 2_000;

const ledger = openLedger(file, { mustExist: true });
// better-sqlite3's page cache is 16 MB: only a very large import overflows it and spills
// uncommitted pages into the WAL. A 1 MB cache makes that happen within the first second.
ledger.sqlite.pragma('cache_size = -1024');
const walBytes = () => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
const walAtStart = walBytes();
let announced = false;
/** Says `started` once uncommitted pages have reached the WAL file. */
const maybeAnnounce = () => {
  if (!announced && walBytes() > walAtStart + 64 * 1024) {
    announced = true;
    say('started');
  }
};

const user = ledger.sqlite.prepare(`SELECT id, username, role FROM users WHERE role IN ('registrar', 'admin') ORDER BY id LIMIT 1`).get() as
  { id: number; username: string; role: Actor['role'] };
const actor: Actor = { userId: user.id, userName: user.username, role: user.role, method: `crash.${mode}` };

function syntheticHousehold(villageId: number, i: number): CreateHouseholdInput {
  const member = (k: number, relation: 'head' | 'spouse' | 'son' | 'daughter', sex: 'M' | 'F') => {
    const n = i * 3 + k;
    const birth = new Date(Date.UTC(1950, 0, 1) + (n % 15_000) * 86_400_000).toISOString().slice(0, 10);
    return { name: ['林海', '周玥', '林小川'][k]!, idNumber: makeIdNumber('532999', birth, (2 * Math.floor(n / 15_000)) % 1000, sex), relation, sex, birthDate: birth };
  };
  return {
    archiveNo: `CRASH-${String(i).padStart(6, '0')}`,
    villageId,
    attribute: '1',
    mainCause: 'illness',
    identifiedYear: 2016,
    phone: `138${String(i).padStart(8, '0')}`,
    members: [member(0, 'head', 'M'), member(1, 'spouse', 'F'), i % 2 ? member(2, 'son', 'M') : member(2, 'daughter', 'F')],
  };
}

if (mode === 'import') {
  const villageId = ledger.sqlite.prepare('SELECT id FROM villages ORDER BY id LIMIT 1').pluck().get() as number;
  inTransaction(ledger, () => {
    for (let i = 0; i < IMPORT_HOUSEHOLDS; i++) {
      createHousehold(ledger, actor, syntheticHousehold(villageId, i));
      if (i % 20 === 0) maybeAnnounce();
    }
  });
} else if (mode === 'payment') {
  const households = ledger.sqlite.prepare('SELECT id FROM households ORDER BY id').pluck().all() as number[];
  const touch = ledger.sqlite.prepare('UPDATE households SET updated_at = ? WHERE id = ?');
  const total = ledger.sqlite.prepare(
    `INSERT INTO settings (key, value) VALUES ('crash.paid_total', ?)
     ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER) AS TEXT)`,
  );
  inTransaction(ledger, () => {
    for (let round = 0; round < PAYMENT_ROUNDS; round++) {
      for (const id of households) {
        const amountFen = 10_000 + id;
        touch.run(nowIso(), id);
        appendAudit(ledger, actor, { entity: 'household', entityId: id, action: 'payment_test', after: { round, amountFen, note: 'x'.repeat(400) } });
        total.run(String(amountFen));
      }
      maybeAnnounce();
    }
  });
} else {
  process.stderr.write(`unknown mode ${modeArg}\n`);
  process.exit(2);
}

say('committed');
if (then === 'commit') {
  // Stay alive (holding the connection open, as a running app would) until the parent kills us.
  setInterval(() => {}, 1_000);
} else {
  ledger.close();
}
