import fs from 'node:fs';
import ExcelJS from 'exceljs';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/** Calls the web host's API with the page's session, as the renderer would. */
async function api<T>(request: APIRequestContext, url: string, method: string, data: unknown): Promise<T> {
  const response = await request.post(`${url}/api/${method}`, { data, headers: { 'Content-Type': 'application/json' } });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

const today = () => new Date().toISOString().slice(0, 10);

async function signOut(page: Page) {
  await page.getByRole('button', { name: /^(退出登录|Sign out)$/ }).click();
  await expect(page.getByLabel(/用户名|User name/)).toBeVisible();
}

const OK = /^(确\s*定|OK)$/;

test.describe('asset income distribution', () => {
  test('accountant prepares, reviewer approves and pays, the bank list downloads', async ({ page, server }) => {
    test.slow(); // two sign-ins, a payment and two downloads
    await page.goto(server.url);
    await signIn(page, 'accountant');

    // Seed an asset, shares and income through the API (the screens for them are exercised below).
    const households = await api<{ rows: { id: number; status: string; villageId?: number }[] }>(page.request, server.url, 'registry.households', { limit: 50 });
    const holders = households.rows.filter((h) => h.status !== 'cancelled').slice(0, 6);
    const [village] = await api<{ id: number }[]>(page.request, server.url, 'registry.villageOptions', {});
    const code = `E2E-${Date.now() % 100000}`;
    const asset = await api<{ id: number }>(page.request, server.url, 'assets.create', {
      code, name: '端到端光伏电站', assetClass: 'business', category: 'photovoltaic', ownership: 'village_collective', operator: 'enterprise', villageId: village!.id,
    });
    for (const h of holders) {
      await api(page.request, server.url, 'assets.addShare', { assetId: asset.id, holderType: 'household', householdId: h.id, units: 10, fromDate: '2025-01-01' });
    }
    await api(page.request, server.url, 'assets.recordIncome', { assetId: asset.id, receivedOn: today(), period: '端到端测试收益', grossFen: 1_234_567, landRentFen: 34_567 });

    // The register shows the waiting income; the asset page starts a plan.
    await page.goto(`${server.url}/#/assets`);
    await expect(page.getByRole('link', { name: code })).toBeVisible();
    await page.getByRole('link', { name: code }).click();
    await expect(page.getByRole('heading', { name: new RegExp(code) })).toBeVisible();
    await expect(page.getByText(/已等待 0 天/)).toBeVisible();
    await expect(page.getByText(`GQ-${code}-0001`)).toBeVisible();
    await page.getByRole('button', { name: '编制分配方案' }).click();

    await page.getByLabel('方案名称').fill('端到端分配');
    await page.getByLabel('村级公益事业').fill('20');
    await page.getByRole('button', { name: '生成分配预览' }).click();
    await expect(page.getByRole('heading', { name: /端到端分配/ })).toBeVisible();
    await expect(page.getByText('草稿', { exact: true })).toBeVisible();
    const previewRows = page.locator('.ant-table-tbody .ant-table-row, .ant-table-tbody-virtual .ant-table-row');
    await expect(previewRows.first()).toBeVisible();
    await expect(page.getByText('您是该方案的编制人，须由他人审批')).toHaveCount(0); // accountants do not approve at all
    const planUrl = page.url();
    await page.screenshot({ path: 'test-results/assets-preview.png', fullPage: true });

    await signOut(page);
    await page.goto(server.url); // the assets screens add a second navigation landmark; sign in from the start page
    await signIn(page, 'reviewer');
    await page.goto(planUrl);
    await page.getByRole('button', { name: '审批通过' }).click();
    await page.getByRole('button', { name: OK }).click();
    await expect(page.getByText('已审批', { exact: true }).first()).toBeVisible();

    await page.getByRole('button', { name: /^发\s*放$/ }).click();
    const dialog = page.getByRole('dialog');
    // Paying runs as a background job (assets.payPlanJob) that the dialog follows with jobs.get.
    const payJob = page.waitForResponse((r) => r.url().endsWith('/api/assets.payPlanJob'));
    await dialog.getByRole('button', { name: '确认发放' }).click();
    expect((await payJob).ok()).toBe(true);
    await expect(dialog.getByText(/发放完成/)).toBeVisible();
    await dialog.getByRole('button', { name: /^关 闭$/ }).click(); // the footer button; the corner × is named 关闭
    await expect(page.getByText('已发放', { exact: true }).first()).toBeVisible();

    const plan = await api<{ id: number; totalFen: number; counts: { paidHouseholds: number } }>(page.request, server.url, 'assets.plan', { planId: Number(planUrl.split('/').pop()) });

    // Bank list: .xlsx and CSV; the reviewer's copy has masked accounts.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出代发清单（Excel）' }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`bank-list-plan-${plan.id}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(3).getCell(1).value).toBe('户主姓名');
    expect(sheet.rowCount).toBe(3 + plan.counts.paidHouseholds + 1);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出代发清单（CSV）' }).click()]);
    const text = fs.readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('name,bank,account,amount,archive_no');
    expect(lines).toHaveLength(plan.counts.paidHouseholds + 1);
    for (const line of lines.slice(1)) expect(line.split(',')[2]).toMatch(/^(\*{4}\d{4})?$/);

    const a11y = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).disableRules(['color-contrast']).analyze();
    expect(a11y.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
