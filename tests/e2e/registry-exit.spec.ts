import { expect, openServerLedger, signIn, test } from './fixtures';

function openLedger(dataDir: string) {
  return openServerLedger(dataDir);
}

/** A 'poor' household with no open proposal, and the latest of this year / last year that has a poverty line. */
function pickHousehold(dataDir: string): { id: number; archiveNo: string; year: number } {
  const db = openLedger(dataDir);
  const row = db.prepare(
    `SELECT h.id, h.archive_no AS archiveNo FROM households h
      WHERE h.status = 'poor'
        AND NOT EXISTS (SELECT 1 FROM status_events e WHERE e.household_id = h.id AND e.state = 'proposed')
      ORDER BY h.id LIMIT 1`,
  ).get() as { id: number; archiveNo: string } | undefined;
  const thisYear = new Date().getFullYear();
  const year = db.prepare(`SELECT max(year) FROM poverty_lines WHERE year IN (?, ?)`).pluck().get(thisYear, thisYear - 1) as number | null;
  db.close();
  if (!row) throw new Error('the demo ledger holds no poor household');
  if (year === null) throw new Error(`the demo ledger has no poverty line for ${thisYear} or ${thisYear - 1}`);
  return { ...row, year };
}

/** Clicks the visible dropdown option whose title is (or, with a RegExp, matches) the given text. */
async function pickOption(page: import('@playwright/test').Page, title: string | RegExp) {
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:visible');
  const option = typeof title === 'string' ? options.and(page.locator(`[title="${title}"]`)) : options.filter({ hasText: title });
  await option.first().click();
}

test('record an exit with its assessment', async ({ page, server }) => {
  const hh = pickHousehold(server.dataDir);
  const base = `${server.url}/#/registry/household/${hh.id}`;

  // Registrar: run and store the assessment.
  await page.goto(server.url);
  await signIn(page, 'registrar');
  await page.goto(`${base}?tab=income`);
  await expect(page.getByRole('heading', { name: new RegExp(hh.archiveNo) })).toBeVisible();
  const assessCard = page.locator('.ant-card').filter({ hasText: '脱贫评估（两不愁三保障）' });
  await assessCard.getByLabel('年度').fill(String(hh.year));
  await assessCard.getByText('入户核实：不愁吃、不愁穿').click();
  await assessCard.getByRole('button', { name: '评估并保存' }).click();
  await expect(assessCard.getByRole('alert').filter({ hasText: new RegExp(`^${hh.year} · (通过|未通过)`) }).first()).toBeVisible();

  const db = openLedger(server.dataDir);
  const assessment = db.prepare(`SELECT id, passed FROM assessments WHERE household_id = ? AND year = ? ORDER BY id DESC LIMIT 1`).get(hh.id, hh.year) as { id: number; passed: number } | undefined;
  db.close();
  expect(assessment, 'an assessments row for the household').toBeTruthy();

  // Registrar: propose the exit, linked to that assessment.
  await page.getByRole('tab', { name: '状态变更' }).click();
  await expect(page).toHaveURL(/tab=status/);
  await page.getByRole('combobox', { name: '变更类型' }).click();
  await pickOption(page, '脱贫');
  await page.getByRole('combobox', { name: '脱贫评估' }).click();
  await pickOption(page, new RegExp(`^${hh.year} · `));
  if (!assessment!.passed) {
    await expect(page.getByText('所选评估未通过以下项目', { exact: false })).toBeVisible();
    await page.getByLabel('未通过仍提出脱贫的理由').fill('E2E：入户核实收入已稳定，村民评议通过');
  }
  await page.getByLabel('理由', { exact: true }).fill('E2E：年度评估后提出脱贫');
  await page.getByRole('button', { name: '提交审批' }).click();
  const timeline = page.getByRole('region', { name: '变更记录' });
  await expect(timeline).toContainText('待审批');
  await expect(timeline).toContainText(`评估 #${assessment!.id}`);
  await page.screenshot({ path: 'test-results/registry-exit-proposed.png', fullPage: true });

  // Reviewer approves.
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, 'reviewer');
  await page.goto(`${base}?tab=status`);
  await expect(page.getByRole('heading', { name: new RegExp(hh.archiveNo) })).toBeVisible();
  await page.getByRole('button', { name: /^批\s*准$/ }).click();

  // The household is now exited, and the timeline shows the approved exit.
  await expect(page.locator('article .ant-tag').first()).toContainText('已脱贫');
  const approvedTimeline = page.getByRole('region', { name: '变更记录' });
  await expect(approvedTimeline.locator('.ant-timeline-item').filter({ hasText: '脱贫' }).filter({ hasText: '已批准' })).toHaveCount(1);
  await page.reload();
  await expect(page.locator('article .ant-tag').first()).toContainText('已脱贫');
  await page.screenshot({ path: 'test-results/registry-exit-approved.png', fullPage: true });

  const db2 = openLedger(server.dataDir);
  const event = db2.prepare(
    `SELECT state, proposed_by AS proposedBy, decided_by AS decidedBy, assessment_id AS assessmentId FROM status_events
      WHERE household_id = ? AND type = 'exit' ORDER BY id DESC LIMIT 1`,
  ).get(hh.id) as { state: string; proposedBy: number; decidedBy: number | null; assessmentId: number | null };
  const status = db2.prepare(`SELECT status FROM households WHERE id = ?`).pluck().get(hh.id) as string;
  const assessments = db2.prepare(`SELECT count(*) FROM assessments WHERE household_id = ?`).pluck().get(hh.id) as number;
  db2.close();
  expect(assessments).toBeGreaterThan(0);
  expect(event.state).toBe('approved');
  expect(event.assessmentId).toBe(assessment!.id);
  expect(event.decidedBy).not.toBeNull();
  expect(event.decidedBy).not.toBe(event.proposedBy);
  expect(status).toMatch(/^exited/);
});
