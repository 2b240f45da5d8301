import fs from 'node:fs';
import { z } from 'zod';
import { method } from '../define';
import { countUsers, createFirstAdmin, signIn } from '../../../db/system/users';
import { LedgerError } from '../../../db/errors';
import { password } from '../../../db/system/users';

const DEMO_SCALES = ['tiny', 'demo', 'S'] as const;

function assertNoLedger(ledgerPath: string): void {
  if (fs.existsSync(ledgerPath)) {
    throw new LedgerError('CONFLICT', { en: 'A ledger already exists; it was not touched', zh: '台账已存在，未作改动' });
  }
}

export const setupMethods = {
  'setup.status': method({
    doc: 'Whether a ledger is open and whether it still needs its first administrator (drives the welcome screen).',
    input: z.object({}),
    access: 'public',
    run: (_input, { host }) => {
      const ledger = host.ledger ?? host.openExisting();
      if (!ledger) return { ledger: 'none' as const, needsAdmin: true, demo: false, signedIn: false };
      const demo = ledger.sqlite.prepare(`SELECT 1 FROM settings WHERE key = 'demo.planted'`).get() !== undefined;
      return { ledger: 'open' as const, needsAdmin: countUsers(ledger) === 0, demo, signedIn: false };
    },
  }),

  'setup.createDemo': method({
    doc: 'First start: create the synthetic demo county in a background job (progress through jobs.get). Demo users share the password "demo-password".',
    input: z.object({ scale: z.enum(DEMO_SCALES).default('demo'), seed: z.number().int().default(1) }),
    access: 'public',
    run: (input, { host, session }) => {
      assertNoLedger(host.ledgerPath);
      host.createEmpty();
      return host.jobs.start('generateDemo', { file: host.ledgerPath, scale: input.scale, seed: input.seed }, session.id);
    },
  }),

  'setup.createEmpty': method({
    doc: 'First start: create an empty ledger; the next step is setup.createAdmin.',
    input: z.object({}),
    access: 'public',
    run: (_input, { host }) => {
      assertNoLedger(host.ledgerPath);
      host.createEmpty();
      return { created: true };
    },
  }),

  'setup.createAdmin': method({
    doc: 'First start of an empty ledger: create the administrator and sign in as them. Refused once any user exists.',
    input: z.object({ username: z.string(), displayName: z.string(), password }),
    access: 'public',
    run: (input, ctx) => {
      const user = createFirstAdmin(ctx.ledger, input);
      signIn(ctx.ledger, input.username, input.password, 'setup.createAdmin');
      ctx.session.userId = user.id;
      return user;
    },
  }),
};
