import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/** The household figure of one row of a dashboard table. */
async function rowFigure(page: Page, table: string, label: string): Promise<number> {
  const row = page.getByTestId(table).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  return Number((await row.getByRole('cell').first().innerText()).replace(/,/g, ''));
}

async function a11y(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).disableRules(['color-contrast']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('dashboard, alerts and reports', () => {
  test('the home screen drills into the lists it counts', async ({ page, server }) => {
    await page.goto(server.url);
    await signIn(page, 'auditor');
    await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
    await expect(page.getByTestId('by-cause-table')).toBeVisible();
    await expect(page.getByTestId('alerts')).toContainText('适龄儿童未在校');
    await page.screenshot({ path: 'test-results/dashboard-zh.png', fullPage: true });
    await a11y(page);

    // A row of the accessible table is a link to the same list as its bar.
    const illness = await rowFigure(page, 'by-cause-table', '因病');
    expect(illness).toBeGreaterThan(0);
    await page.getByTestId('by-cause-table').getByRole('link', { name: '因病', exact: true }).click();
    await expect(page).toHaveURL(/#\/registry\/households\?.*mainCause=illness/);
    await expect(page.getByText(`共 ${illness} 条`)).toBeVisible();
    await expect(page.getByText('状态: 新识别 / 未脱贫')).toBeVisible();

    // A real click on the canvas: the tallest status bar opens households of that status.
    await page.goBack();
    const chart = page.getByTestId('by-status-chart');
    await expect(chart).toHaveAttribute('data-bars', /\d+,\d+/);
    const rows = page.getByTestId('by-status-table').locator('tbody tr');
    const figures = (await rows.locator('td:first-of-type').allInnerTexts()).map((s) => Number(s.replace(/,/g, '')));
    const tallest = figures.indexOf(Math.max(...figures));
    const label = await rows.nth(tallest).getByRole('rowheader').innerText();
    const [x, y] = (await chart.getAttribute('data-bars'))!.split(';')[tallest]!.split(',').map(Number) as [number, number];
    await chart.click({ position: { x, y } });
    await expect(page).toHaveURL(/#\/registry\/households\?status=/);
    await expect(page.getByText(`共 ${figures[tallest]} 条`)).toBeVisible();
    await expect(page.getByRole('combobox', { name: '状态' }).locator('..').locator('..')).toContainText(label);

    // A township's incidence row: its households with the poor statuses.
    await page.goBack();
    const township = page.getByTestId('incidence-table').locator('tbody tr').first();
    const poor = Number((await township.locator('td').nth(1).innerText()).replace(/,/g, ''));
    await township.getByRole('rowheader').getByRole('link').click();
    await expect(page).toHaveURL(/statuses=new_identified%2Cpoor%2Creturned|statuses=new_identified,poor,returned/);
    await expect(page.getByText(`共 ${poor} 条`)).toBeVisible();

    // English.
    await page.goto(`${server.url}/#/home`);
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
    await expect(page.getByTestId('by-cause-table')).toContainText('Illness');
    await page.screenshot({ path: 'test-results/dashboard-en.png', fullPage: true });
    await page.getByText('中文', { exact: true }).click();
  });

  test('an alert lists its records and exports them; a report exports', async ({ page, server }) => {
    await page.goto(server.url);
    await signIn(page, 'registrar');
    await page.getByTestId('alerts').getByRole('link', { name: /未落实帮扶责任人/ }).click();
    await expect(page.getByRole('heading', { name: /未落实帮扶责任人/ })).toBeVisible();
    await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(1);
    await page.screenshot({ path: 'test-results/alert-zh.png', fullPage: true });
    const [alertFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(alertFile.suggestedFilename()).toMatch(/^alert-no_cadre-.*\.xlsx$/);

    await page.getByRole('menuitem', { name: '统计报表' }).click();
    await expect(page.getByRole('heading', { name: '统计报表' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '建档立卡统计表' })).toBeVisible();
    await page.screenshot({ path: 'test-results/reports-zh.png', fullPage: true });
    await a11y(page);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^registry-statistics-\d{4}\.xlsx$/);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '打印（PDF）' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const head = fs.readFileSync(await pdf.path()).subarray(0, 5).toString('latin1');
    expect(head).toBe('%PDF-');

    await page.getByText('English', { exact: true }).click();
    await page.locator('label.ant-radio-button-wrapper', { hasText: 'Fund execution' }).click();
    await expect(page.getByRole('heading', { name: 'Fund execution', level: 4 })).toBeVisible();
    await page.screenshot({ path: 'test-results/reports-en.png', fullPage: true });
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('中文').click();
  });
});
