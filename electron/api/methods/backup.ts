import { z } from 'zod';
import { method } from '../define';
import type { Role } from '../../../db/roles';
import {
  BACKUP_NAME,
  DEFAULT_RETENTION,
  backupProgress,
  backupsDir,
  checkBackupFile,
  createManualBackup,
  listBackups,
  resolveBackup,
} from '../../../db/system/backup';

const ADMIN: readonly Role[] = ['admin'];

/** A backup is named by its file name in the backups folder, never by a path. */
const backupName = z.object({
  name: z.string().max(240).regex(BACKUP_NAME, 'Not a backup file name'),
});

export const backupMethods = {
  'backup.list': method({
    doc: 'Backups of the ledger, newest first, with the retention policy and any backup running now (administrator).',
    input: z.object({}),
    access: ADMIN,
    run: (_input, ctx) => {
      const ledger = ctx.ledger;
      return {
        folder: backupsDir(ledger.path),
        backups: listBackups(ledger.path),
        policy: DEFAULT_RETENTION,
        running: backupProgress(ledger.path),
      };
    },
  }),

  'backup.status': method({
    doc: 'Progress of the backup or restore running now, or null (polled while backup.create runs).',
    input: z.object({}),
    access: ADMIN,
    run: (_input, ctx) => backupProgress(ctx.ledger.path),
  }),

  'backup.create': method({
    doc: 'Take a manual backup now with SQLite\'s online backup API; answers when the copy is written and checked (administrator).',
    input: z.object({}),
    access: ADMIN,
    run: (_input, ctx) => createManualBackup(ctx.ledger, ctx.actor),
  }),

  'backup.check': method({
    doc: 'Check a backup without restoring it: integrity, schema version, audit chain, counts (administrator).',
    input: backupName,
    access: ADMIN,
    run: (input, ctx) => {
      const ledger = ctx.ledger;
      return { name: input.name, ...checkBackupFile(resolveBackup(ledger.path, input.name), { open: ledger.openFile }) };
    },
  }),

  'backup.restore': method({
    doc: 'Replace the ledger with a backup after checking it; the current ledger is backed up first and everyone is signed out (administrator).',
    input: backupName.extend({ confirm: z.literal(true) }),
    access: ADMIN,
    run: (input, ctx) => ctx.host.restore(input.name, ctx.actor),
  }),
};
