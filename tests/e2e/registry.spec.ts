import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, openServerLedger, signIn, test } from './fixtures';
import { makeIdNumber } from '../../db/rules/idNumber';
import { rosterRows, rosterXlsx } from '../support/roster';

function firstVillage(dataDir: string): { village: string; township: string } {
  const db = openServerLedger(dataDir);
  const row = db.prepare(`SELECT v.name AS village, t.name AS township FROM villages v JOIN townships t ON t.id = v.township_id ORDER BY v.code LIMIT 1`).get() as { village: string; township: string };
  db.close();
  return row;
}

function householdCount(dataDir: string, prefix: string): number {
  const db = openServerLedger(dataDir);
  const n = db.prepare(`SELECT count(*) FROM households WHERE archive_no LIKE ?`).pluck().get(`${prefix}%`) as number;
  db.close();
  return n;
}

test('a registrar adds a household; a wrong ID number is refused on its field first', async ({ page, server }) => {
  const { village } = firstVillage(server.dataDir);
  await page.goto(server.url);
  await signIn(page, 'registrar');
  await page.goto(`${server.url}/#/registry/new`);
  await page.getByLabel('户编号').fill('E2E-ADD-0001');
  await page.getByLabel('行政村', { exact: true }).click();
  await page.keyboard.type(village);
  await page.keyboard.press('Enter');
  await page.getByLabel('姓名 1').fill('林昇');
  const good = makeIdNumber('552999', '1968-05-17', 311, 'M');
  const bad = `${good.slice(0, 17)}${good.endsWith('1') ? '2' : '1'}`;
  await page.getByLabel('身份证号 1').fill(bad);
  await page.getByRole('button', { name: /保\s*存/ }).click();

  const idItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('身份证号 1') });
  await expect(idItem).toHaveClass(/ant-form-item-has-error/);
  await expect(page.getByRole('alert').first()).toContainText('members.0.idNumber');
  await page.screenshot({ path: 'test-results/registry-invalid-id.png', fullPage: true });
  expect(householdCount(server.dataDir, 'E2E-ADD')).toBe(0);

  await page.getByLabel('身份证号 1').fill(good);
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('heading', { name: /E2E-ADD-0001/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: '林昇', exact: true })).toBeVisible();
  expect(householdCount(server.dataDir, 'E2E-ADD')).toBe(1);
});

test('a roster with bad rows writes nothing and lists them; the clean roster imports every row', async ({ page, server }) => {
  const area = firstVillage(server.dataDir);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-roster-'));
  const rows = rosterRows(6, { ...area, prefix: 'E2E-IMP' });
  const badRows = rows.map((r) => ({ ...r }));
  badRows[1]!.idNumber = '5.52999E+17';
  badRows[4]!.relation = '邻居的猫';
  const badFile = path.join(dir, 'bad.xlsx');
  const goodFile = path.join(dir, 'good.xlsx');
  fs.writeFileSync(badFile, await rosterXlsx(badRows, { above: [['示范县建档立卡户花名册'], []], below: [['合计', rows.length]] }));
  fs.writeFileSync(goodFile, await rosterXlsx(rows, { above: [['示范县建档立卡户花名册'], []], below: [['合计', rows.length]] }));

  await page.goto(server.url);
  await signIn(page, 'registrar');
  await page.goto(`${server.url}/#/registry/import`);
  await page.setInputFiles('#import-file', badFile);
  await expect(page.getByText(/发现 \d+ 处问题/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('当前未写入任何数据', { exact: false })).toBeVisible();
  // Sheet rows: two title lines and the header come first, so data row i is sheet row i + 4.
  const problems = page.locator('.ant-table').last();
  await expect(problems).toContainText('Excel');
  await expect(problems).toContainText('5');
  await page.screenshot({ path: 'test-results/registry-import-problems.png', fullPage: true });
  expect(householdCount(server.dataDir, 'E2E-IMP')).toBe(0);

  await page.setInputFiles('#import-file', goodFile);
  const households = new Set(rows.map((r) => r.archiveNo)).size;
  await expect(page.getByText(`可以导入：${households} 户，${rows.length} 人。`)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: `导入 ${households} 户、${rows.length} 人` }).click();
  await expect(page.getByText(`已导入 ${households} 户、${rows.length} 人。`)).toBeVisible({ timeout: 60_000 });
  expect(householdCount(server.dataDir, 'E2E-IMP')).toBe(households);
});
