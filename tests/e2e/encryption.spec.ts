import path from 'node:path';
import Database from 'better-sqlite3';
import { isEncryptedFile } from '../../db/crypto';
import { expect, openServerLedger, signIn, test } from './fixtures';

/**
 * The browser on an encrypted ledger (the e2e server runs with COUNTY_LEDGER_KEY): the data is
 * served as usual while the file on disk is unreadable without the key.
 */
test('the app works on an encrypted ledger, and the file cannot be read without the key', async ({ page, server }) => {
  const file = path.join(server.dataDir, 'ledger.sqlite');
  expect(isEncryptedFile(file)).toBe(true);
  const bare = new Database(file, { readonly: true });
  expect(() => bare.prepare('SELECT count(*) FROM members').get()).toThrow(/not a database/);
  bare.close();

  const ledger = openServerLedger(server.dataDir);
  const target = ledger
    .prepare(`SELECT m.id_number AS idNumber, h.archive_no AS archiveNo FROM members m JOIN households h ON h.id = m.household_id WHERE m.relation = 'head' ORDER BY h.id LIMIT 1 OFFSET 3`)
    .get() as { idNumber: string; archiveNo: string };
  ledger.close();

  await page.goto(server.url);
  await signIn(page, 'registrar');
  await page.getByRole('searchbox', { name: '搜索' }).fill(target.idNumber);
  await page.keyboard.press('Enter');
  const rows = page.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(target.archiveNo);
});
