import type { Locator, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/** "12,345.67" (or an empty cell) → fen. */
function fen(text: string): number {
  const t = text.replace(/[,\s¥]/g, '');
  return t ? Math.round(Number(t) * 100) : 0;
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByLabel(/用户名|User name/)).toBeVisible();
}

/** Picks an option of an antd Select by typing (the Select's aria-label names it). */
async function pick(scope: Page | Locator, page: Page, label: string | RegExp, text: string): Promise<void> {
  await scope.getByLabel(label, typeof label === 'string' ? { exact: true } : undefined).click();
  await page.keyboard.type(text);
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toContainText(text);
  await page.keyboard.press('Enter');
}

async function voucherIdFromUrl(page: Page): Promise<number> {
  await expect(page).toHaveURL(/#\/funds\/voucher\/\d+$/);
  return Number(/voucher\/(\d+)$/.exec(page.url())![1]);
}

const year = new Date().getFullYear();
const stamp = Date.now().toString(36).toUpperCase();
const docNo = `E2E财〔${year}〕${stamp}号`;
const sourceTitle = `端到端测试专项资金 ${stamp}`;
const projectCode = `E2E-P-${stamp}`;
const projectName = `端到端测试道路硬化 ${stamp}`;
const AMOUNT = '100,000.00';
const ALLOCATION = '80,000.00';
const PAYMENT = '12,500.00';
const PAYMENT_FEN = 1_250_000;

interface Figures {
  /** 科目余额表: 5001.02 本期借方, 1001 本期贷方, 合计 本期借方 / 本期贷方. */
  tb: { projectDebit: number; bankCredit: number; totalDebit: number; totalCredit: number; balanced: boolean };
  /** 资金执行: the new source's 到位, 已分配, 已支出, 余额, 支出进度. */
  exec: { received: number; allocated: number; spent: number; balance: number; progress: string };
}

/** Reads the trial balance and the source execution report from the 账表 screen. */
async function readReports(page: Page, server: { url: string }, shot: string): Promise<Figures> {
  await page.goto(`${server.url}/#/funds/reports?tab=trialBalance`);
  await expect(page.getByRole('heading', { name: '账表' })).toBeVisible();
  const zero = page.getByRole('switch');
  if ((await zero.getAttribute('aria-checked')) !== 'true') await zero.click();
  await expect(zero).toHaveAttribute('aria-checked', 'true');
  const tbRow = (code: string) => page.locator('tr.ant-table-row').filter({ has: page.getByRole('cell', { name: code, exact: true }) });
  await expect(tbRow('5001.02')).toBeVisible();
  await expect(tbRow('1001')).toBeVisible();
  const project = await tbRow('5001.02').locator('td').allInnerTexts();
  const bank = await tbRow('1001').locator('td').allInnerTexts();
  const totals = await page.locator('.ant-table-summary tr, tfoot tr').filter({ hasText: '合计' }).first().locator('td').allInnerTexts();
  const balanced = await page.getByText('✓ 借贷平衡').isVisible();
  await page.screenshot({ path: `test-results/funds-${shot}-trial-balance.png`, fullPage: true });

  await page.getByRole('tab', { name: '资金执行' }).click();
  const execRow = page.locator('tr.ant-table-row').filter({ hasText: docNo });
  await expect(execRow).toBeVisible();
  const exec = await execRow.locator('td').allInnerTexts();
  await page.screenshot({ path: `test-results/funds-${shot}-source-execution.png`, fullPage: true });
  return {
    // code, name, opening D/C, period D/C, closing D/C
    tb: { projectDebit: fen(project[4]!), bankCredit: fen(bank[5]!), totalDebit: fen(totals[3]!), totalCredit: fen(totals[4]!), balanced },
    // year, level, type, docNo, title, amount, received, allocated, spent, balance, progress
    exec: { received: fen(exec[6]!), allocated: fen(exec[7]!), spent: fen(exec[8]!), balance: fen(exec[9]!), progress: exec[10]!.trim() },
  };
}

test('an accountant allocates a source to a project and pays it; the reviewer reviews; the reports move by the payment', async ({ page, server }) => {
  test.setTimeout(180_000);
  const api = async (method: string, data: unknown) => {
    const res = await page.request.post(`${server.url}/api/${method}`, { data, headers: { 'Content-Type': 'application/json' } });
    expect(res.ok(), `${method}: ${await res.text()}`).toBeTruthy();
    return res.json();
  };

  // ── Accountant: a project (seeded), a source, its allocation, its receipt, a payment ──────────
  await page.goto(server.url);
  await signIn(page, 'accountant');
  await api('funds.createProject', { code: projectCode, name: projectName, type: 'infrastructure', year, budgetFen: 10_000_000 });

  await page.goto(`${server.url}/#/funds/sources`);
  await page.getByRole('button', { name: '登记资金' }).click();
  const sourceDialog = page.getByRole('dialog', { name: '登记资金' });
  await sourceDialog.getByLabel('文号', { exact: true }).fill(docNo);
  await sourceDialog.getByLabel('资金名称', { exact: true }).fill(sourceTitle);
  await sourceDialog.getByLabel('金额（元）', { exact: true }).fill(AMOUNT);
  await sourceDialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(sourceDialog).toBeHidden();
  const sourceRow = page.locator('tr.ant-table-row').filter({ hasText: docNo });
  await expect(sourceRow).toContainText(AMOUNT);

  await page.getByRole('button', { name: `分配资金 ${docNo}` }).click();
  const allocDialog = page.getByRole('dialog', { name: '分配资金' });
  await pick(allocDialog, page, '项目', projectCode);
  await allocDialog.getByLabel('金额（元）', { exact: true }).fill(ALLOCATION);
  await allocDialog.getByLabel('分配文号', { exact: true }).fill(`E2E分配〔${year}〕1号`);
  await allocDialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(allocDialog).toBeHidden();
  await expect(sourceRow).toContainText(ALLOCATION);
  await sourceRow.locator('.ant-table-row-expand-icon').click();
  await expect(page.getByRole('link', { name: `${projectCode} ${projectName}` })).toBeVisible();
  await page.screenshot({ path: 'test-results/funds-allocation.png', fullPage: true });

  // The receipt (到账): the form comes filled in from the source.
  await page.getByRole('button', { name: `到账记账 ${docNo}` }).click();
  await expect(page.getByLabel('借方金额 1', { exact: true })).toHaveValue(AMOUNT);
  await expect(page.getByLabel(/^贷方金额( \*)? 2$/)).toHaveValue(AMOUNT);
  await page.getByRole('button', { name: '保存草稿' }).click();
  const receiptId = await voucherIdFromUrl(page);

  // The project payment: 借 5001.02 基础设施 (source, project) 贷 1001 专户存款.
  await page.goto(`${server.url}/#/funds/voucher/new`);
  await expect(page.getByRole('heading', { name: '填制凭证' })).toBeVisible();
  await page.getByLabel('摘要', { exact: true }).fill(`支付${projectName}工程款`);
  await pick(page, page, '会计科目 1', '5001.02');
  await page.getByLabel('摘要 1', { exact: true }).fill('工程进度款');
  await page.getByLabel('借方金额 1', { exact: true }).fill(PAYMENT);
  await pick(page, page, /^资金来源 \* 1$/, docNo);
  await pick(page, page, /^项目 \* 1$/, projectCode);
  await pick(page, page, '会计科目 2', '1001');
  await page.getByLabel('贷方金额 2', { exact: true }).fill(PAYMENT);
  await expect(page.getByRole('status').filter({ hasText: '差额' })).toContainText('✓');
  await page.screenshot({ path: 'test-results/funds-payment-form.png', fullPage: true });
  await page.getByRole('button', { name: '保存草稿' }).click();
  const paymentId = await voucherIdFromUrl(page);
  const heading = page.getByRole('heading', { level: 3 });
  await expect(heading).toContainText('草稿');
  await expect(page.getByText('您是制单人，须由他人审核')).toHaveCount(0); // the accountant may not review at all
  await expect(page.getByRole('button', { name: /^审\s*核$/ })).toHaveCount(0);
  await signOut(page);

  // ── Reviewer: reviews (and posts) the receipt, reviews the payment ─────────────────────────────
  await signIn(page, 'reviewer');
  const confirmPost = async () => {
    await page.getByRole('button', { name: /^记\s*账$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK|Yes/ }).click();
    await expect(heading).toContainText(`记-${year}-`);
    await expect(heading).toContainText('已记账');
  };
  await page.goto(`${server.url}/#/funds/voucher/${receiptId}`);
  await expect(heading).toContainText('草稿');
  await page.getByRole('button', { name: /^审\s*核$/ }).click();
  await expect(heading).toContainText('已审核');
  await confirmPost();

  await page.goto(`${server.url}/#/funds/voucher/${paymentId}`);
  await expect(heading).toContainText('草稿');
  await expect(page.getByRole('cell', { name: new RegExp(projectCode) })).toBeVisible();
  await page.getByRole('button', { name: /^审\s*核$/ }).click();
  await expect(heading).toContainText('已审核');
  await expect(page.getByText(/^审核: /)).not.toHaveText(/^审核: —/);
  await page.screenshot({ path: 'test-results/funds-payment-reviewed.png', fullPage: true });
  await signOut(page);

  // ── Accountant: reads the reports, posts the payment, reads them again ─────────────────────────
  await signIn(page, 'accountant');
  const before = await readReports(page, server, 'before');
  expect(before.exec.received).toBe(fen(AMOUNT));
  expect(before.exec.allocated).toBe(fen(ALLOCATION));
  expect(before.exec.spent).toBe(0);
  expect(before.exec.progress).toBe('0.00%');
  expect(before.tb.balanced).toBe(true);

  await page.goto(`${server.url}/#/funds/voucher/${paymentId}`);
  await expect(heading).toContainText('已审核');
  await confirmPost();
  await page.screenshot({ path: 'test-results/funds-payment-posted.png', fullPage: true });

  const after = await readReports(page, server, 'after');
  expect(after.tb.projectDebit - before.tb.projectDebit).toBe(PAYMENT_FEN);
  expect(after.tb.bankCredit - before.tb.bankCredit).toBe(PAYMENT_FEN);
  expect(after.tb.totalDebit - before.tb.totalDebit).toBe(PAYMENT_FEN);
  expect(after.tb.totalCredit - before.tb.totalCredit).toBe(PAYMENT_FEN);
  expect(after.tb.balanced).toBe(true);
  expect(after.exec.spent - before.exec.spent).toBe(PAYMENT_FEN);
  expect(before.exec.balance - after.exec.balance).toBe(PAYMENT_FEN);
  expect(after.exec.received).toBe(before.exec.received);
  expect(after.exec.progress).toBe('12.50%'); // 12,500 of 100,000
});
