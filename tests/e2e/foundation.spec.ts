import AxeBuilder from '@axe-core/playwright';
import { expect, openServerLedger, signIn, startServer, test } from './fixtures';

test.describe('first start and the registry slice', () => {
  test('open the demo county, find a household by ID number, open it, switch the language', async ({ page }) => {
    const server = await startServer();
    try {
      await page.goto(server.url);
      await expect(page.getByRole('heading', { name: '欢迎使用县级扶贫台账' })).toBeVisible();
      await page.getByRole('button', { name: '打开示范县（合成数据）' }).click();
      await expect(page.getByRole('heading', { name: '登录' }).or(page.getByText('登录').first())).toBeVisible({ timeout: 60_000 });
      await signIn(page, 'registrar');

      const ledger = openServerLedger(server.dataDir);
      const target = ledger
        .prepare(`SELECT m.id_number AS idNumber, m.name, h.archive_no AS archiveNo, h.id FROM members m JOIN households h ON h.id = m.household_id WHERE m.relation = 'spouse' ORDER BY h.id LIMIT 1 OFFSET 7`)
        .get() as { idNumber: string; name: string; archiveNo: string; id: number };
      ledger.close();

      await page.getByRole('searchbox', { name: '搜索' }).fill(target.idNumber);
      await page.keyboard.press('Enter');
      const rows = page.locator('tbody tr.ant-table-row');
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(target.archiveNo);
      await page.screenshot({ path: 'test-results/foundation-search.png', fullPage: true });

      await page.getByRole('link', { name: target.archiveNo }).click();
      await expect(page.getByRole('heading', { name: new RegExp(target.archiveNo) })).toBeVisible();
      await expect(page.getByRole('cell', { name: target.name, exact: true })).toBeVisible();
      await expect(page.getByRole('cell', { name: target.idNumber })).toBeVisible();
      await page.screenshot({ path: 'test-results/foundation-household-zh.png', fullPage: true });

      await page.getByText('English', { exact: true }).click();
      await expect(page.getByText('Members (', { exact: false })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
      await page.screenshot({ path: 'test-results/foundation-household-en.png', fullPage: true });

      // The choice persists across a reload.
      await page.reload();
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
      const a11y = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).disableRules(['color-contrast']).analyze();
      expect(a11y.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  test('search by pinyin initials and by archive number prefix', async ({ page, server }) => {
    await page.goto(server.url);
    await signIn(page, 'auditor');
    const ledger = openServerLedger(server.dataDir);
    const head = ledger.prepare(`SELECT name, name_initials AS initials, household_id AS id FROM members WHERE relation = 'head' ORDER BY id LIMIT 1`).get() as { name: string; initials: string; id: number };
    const expected = ledger.prepare(`SELECT count(DISTINCT household_id) FROM members WHERE name_initials >= ? AND name_initials < ? || char(1114111)`).pluck().get(head.initials, head.initials) as number;
    ledger.close();
    await page.getByRole('searchbox', { name: '搜索' }).fill(head.initials);
    await page.keyboard.press('Enter');
    await expect(page.getByText(`共 ${expected} 条`)).toBeVisible();
    await expect(page.locator('tbody')).toContainText(head.name);
  });
});
