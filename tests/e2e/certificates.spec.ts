import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, expect, openServerLedger, signIn, test } from './fixtures';

/** The first village of the tiny demo county and the households a batch of its cards covers. */
function firstVillage(dataDir: string): { name: string; heads: string[] } {
  const ledger = openServerLedger(dataDir);
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

async function api<T>(request: APIRequestContext, url: string, method: string, data: unknown): Promise<T> {
  const response = await request.post(`${url}/api/${method}`, { data, headers: { 'Content-Type': 'application/json' } });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

/**
 * An approved asset-income distribution plan paying the first village's first households (and its
 * collective), made through the API as the accountant prepares and the reviewer approves.
 */
async function approvedPlan(request: APIRequestContext, url: string, dataDir: string): Promise<{ village: string; households: { headName: string; phone: string; bankAccount: string }[] }> {
  const ledger = openServerLedger(dataDir);
  let villageId: number;
  let village: string;
  let households: { id: number; headName: string; phone: string; bankAccount: string }[];
  try {
    ({ id: villageId, name: village } = ledger.prepare('SELECT id, name FROM villages ORDER BY code LIMIT 1').get() as { id: number; name: string });
    households = ledger
      .prepare(`SELECT id, head_name AS headName, phone, bank_account AS bankAccount FROM households
                 WHERE village_id = ? AND status IN ('poor', 'exited', 'new_identified') ORDER BY archive_no LIMIT 4`)
      .all(villageId) as typeof households;
  } finally {
    ledger.close();
  }
  const year = new Date().getFullYear() - 1;
  const as = async (username: string, work: () => Promise<void>) => {
    await api(request, url, 'auth.signIn', { username, password: DEMO_PASSWORD });
    await work();
    await api(request, url, 'auth.signOut', {});
  };
  let planId = 0;
  await as('accountant', async () => {
    const asset = await api<{ id: number }>(request, url, 'assets.create', {
      code: 'PV-E2E', name: '村级光伏扶贫电站', assetClass: 'business', category: 'photovoltaic', ownership: 'village_collective', operator: 'collective', villageId,
    });
    for (const h of households) await api(request, url, 'assets.addShare', { assetId: asset.id, holderType: 'household', householdId: h.id, units: 10, fromDate: `${year}-01-01` });
    await api(request, url, 'assets.addShare', { assetId: asset.id, holderType: 'village', villageId, units: 5, fromDate: `${year}-01-01` });
    await api(request, url, 'assets.recordIncome', { assetId: asset.id, receivedOn: `${year}-12-31`, period: `${year}年度发电收益`, grossFen: 888_888 });
    ({ id: planId } = await api<{ id: number }>(request, url, 'assets.preparePlan', { assetId: asset.id, title: `${year}年度收益分配`, asOf: `${year}-12-31`, exitedRule: 'include' }));
  });
  await as('reviewer', () => api(request, url, 'assets.approvePlan', { planId }));
  return { village, households };
}

test('print a village’s income distribution notice, verify it by its serial, then the village’s cards in one more click', async ({ page, server }) => {
  test.setTimeout(300_000);
  const plan = await approvedPlan(page.request, server.url, server.dataDir);

  await page.goto(server.url);
  await signIn(page, 'registrar');
  await page.getByRole('menuitem', { name: '证卡打印' }).click();
  await page.getByRole('menuitem', { name: '打印证卡' }).click();
  await page.getByText('村级公示', { exact: true }).click();
  const kind = page.getByRole('combobox', { name: '公示类型' });
  await kind.click();
  await page.locator('.ant-select-item-option').filter({ hasText: '收益分配公示' }).click();
  const planPicker = page.getByRole('combobox', { name: '收益分配方案' });
  await planPicker.click();
  await page.locator('.ant-select-item-option').filter({ hasText: '村级光伏扶贫电站' }).click();
  const villagePicker = page.getByRole('combobox', { name: '行政村' });
  await villagePicker.fill(plan.village);
  await page.locator('.ant-select-item-option-active').filter({ hasText: plan.village }).waitFor();
  await villagePicker.press('Enter');
  expect(await a11y(page)).toEqual([]);
  await page.getByRole('button', { name: '生成并预览' }).click();

  const finished = page.getByText(/已生成并登记 1 份/);
  await expect(finished).toBeVisible({ timeout: 60_000 });
  const serial = /NT-\d{4}-\d{6}/.exec((await finished.textContent()) ?? '')?.[0];
  expect(serial).toBeTruthy();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '保存为 PDF' }).click()]);
  const file = path.join(server.dataDir, 'notice.pdf');
  await download.saveAs(file);
  const raw = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const text = raw.replace(/\s+/g, '');
  for (const s of ['村级光伏扶贫电站收益分配公示', '合计', '8,888.88', '公示期', serial!]) expect(text).toContain(s);
  for (const h of plan.households) {
    expect(text).toContain(h.headName);
    if (h.phone) expect(text).not.toContain(h.phone);
    if (h.bankAccount) expect(text).not.toContain(h.bankAccount);
  }
  // Not squashed: adjacent archive numbers must not run together into an ID-number-like string.
  expect(raw).not.toMatch(/(?<!\d)\d{17}[\dXx](?!\d)/);
  await page.screenshot({ path: 'test-results/certificates-distribution.png', fullPage: true });

  // The rest of the village is one click away: the assistance cards of the same village.
  const next = page.getByRole('button', { name: '扶贫明白卡' });
  await expect(next).toBeVisible();
  expect(await a11y(page)).toEqual([]);
  await next.click();
  await expect(page.getByText(/已生成并登记 \d+ 份.*AC-\d{4}-\d{6}/)).toBeVisible({ timeout: 120_000 });

  // The notice verifies by its serial.
  await page.getByRole('menuitem', { name: '真伪核验' }).click();
  await page.getByRole('textbox', { name: '打印编号或二维码内容' }).fill(serial!);
  await page.getByRole('button', { name: /^核\s*验$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '有效' })).toBeVisible();
  await expect(page.getByText('收益分配公示')).toBeVisible();
});
