import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import AxeBuilder from '@axe-core/playwright';
import { expect, signIn, test } from './fixtures';

/** The first village of the tiny demo county and the households a batch of its cards covers. */
function firstVillage(dataDir: string): { name: string; heads: string[] } {
  const ledger = new Database(path.join(dataDir, 'ledger.sqlite'), { readonly: true });
  try {
    const v = ledger.prepare('SELECT id, name FROM villages ORDER BY code LIMIT 1').get() as { id: number; name: string };
    const heads = ledger
      .prepare(`SELECT head_name FROM households WHERE village_id = ? AND status NOT IN ('cancelled', 'exited_no_policy') ORDER BY archive_no`)
      .pluck()
      .all(v.id) as string[];
    return { name: v.name, heads };
  } finally {
    ledger.close();
  }
}

const a11y = async (page: import('@playwright/test').Page) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).disableRules(['color-contrast']).exclude('iframe').analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
};

test('print a village’s assistance cards as one batch, save the PDF, verify a card by its serial', async ({ page, server }) => {
  test.setTimeout(300_000); // a real worker draws the batch; axe runs three times
  const village = firstVillage(server.dataDir);
  expect(village.heads.length).toBeGreaterThan(2);

  await page.goto(server.url);
  await signIn(page, 'registrar');
  await page.getByRole('menuitem', { name: '证卡打印' }).click();
  await page.getByRole('menuitem', { name: '打印证卡' }).click();
  await expect(page.getByRole('heading', { name: '打印证卡' })).toBeVisible();
  expect(await a11y(page)).toEqual([]);

  // Assistance card, cards 4-up, for a village (the defaults but the village).
  await expect(page.getByRole('radio', { name: '扶贫明白卡' })).toBeChecked();
  await page.getByText('卡片（每页 4 张）').click();
  const villagePicker = page.getByRole('combobox', { name: '行政村' });
  await villagePicker.fill(village.name);
  await page.locator('.ant-select-item-option-active').filter({ hasText: village.name }).waitFor();
  await villagePicker.press('Enter');
  // The batch button waits for a village.
  await expect(page.getByRole('button', { name: '批量生成' })).toBeEnabled();
  await page.getByRole('button', { name: '批量生成' }).click();

  // Progress while the worker draws, then the result and the file.
  await expect(page.getByRole('button', { name: '取消批量打印' })).toBeVisible();
  await expect(page.getByRole('progressbar').first()).toBeVisible();
  const finished = page.getByText(new RegExp(`已生成并登记 ${village.heads.length} 份`));
  await expect(finished).toBeVisible({ timeout: 60_000 });
  const message = (await finished.textContent()) ?? '';
  const serial = /AC-\d{4}-\d{6}/.exec(message)?.[0];
  expect(serial).toBeTruthy();
  await expect(page.getByTitle('PDF 预览')).toBeVisible();
  await page.screenshot({ path: 'test-results/certificates-batch.png', fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '保存为 PDF' }).click()]);
  const file = path.join(server.dataDir, 'downloaded.pdf');
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/^AC-\d{4}-\d{6}_AC-\d{4}-\d{6}\.pdf$/);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const head of village.heads) expect(text).toContain(head);
  expect(text).toContain(serial!);

  // Verify one card by its serial.
  await page.getByRole('menuitem', { name: '真伪核验' }).click();
  await page.getByRole('textbox', { name: '打印编号或二维码内容' }).fill(serial!);
  await page.getByRole('button', { name: /^核\s*验$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '有效' })).toBeVisible();
  await expect(page.getByText('真实有效，且为最新打印')).toBeVisible();
  await expect(page.getByRole('cell', { name: village.heads[0]!, exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/certificates-verify.png', fullPage: true });
  expect(await a11y(page)).toEqual([]);

  // A QR text whose archive number was altered is caught.
  await page.getByRole('textbox', { name: '打印编号或二维码内容' }).fill(`CL|assistance_card|0000000000000|${serial}`);
  await page.getByRole('button', { name: /^核\s*验$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '信息不符' })).toBeVisible();

  // The register lists the batch, newest first.
  await page.getByRole('menuitem', { name: '打印登记' }).click();
  await expect(page.getByRole('cell', { name: serial!, exact: true })).toBeVisible();
  await expect(page.getByText(`共 ${village.heads.length} 条`)).toBeVisible();
  expect(await a11y(page)).toEqual([]);
});
