/**
 * Privacy masking on the screens: an auditor's household page shows ID numbers and phones masked
 * (552999************ for the demo county), a registrar's in full; a reviewer cannot find a
 * household by an ID-number prefix.
 */
import type { APIRequestContext } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

async function api<T>(request: APIRequestContext, url: string, method: string, data: unknown): Promise<T> {
  const response = await request.post(`${url}/api/${method}`, { data, headers: { 'Content-Type': 'application/json' } });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

const MASKED_ID = /^552999\*{12}$/;
const FULL_ID = /^552999\d{11}[\dX]$/;

test.describe('privacy masking', () => {
  test('an auditor sees masked ID numbers and phones on the household page', async ({ page, server }) => {
    await page.goto(server.url);
    await signIn(page, 'auditor');
    await page.goto(`${server.url}/#/registry/household/1`);
    const idCells = page.getByRole('cell', { name: MASKED_ID });
    await expect(idCells.first()).toBeVisible();
    await expect(page.getByRole('cell', { name: FULL_ID })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(编\s*辑|Edit)$/ })).toHaveCount(0);
    const { household } = await api<{ household: { phone: string } }>(page.request, server.url, 'registry.household', { householdId: 1 });
    if (household.phone) await expect(page.getByText(household.phone, { exact: true })).toBeVisible();
    expect(household.phone).toMatch(/^(\d{3}\*{4}\d{4}|\**\d{4})?$/);
  });

  test('a registrar sees them in full; a reviewer finds the household by the full ID number, not by its prefix', async ({ page, browser, server }) => {
    await page.goto(server.url);
    await signIn(page, 'registrar');
    await page.goto(`${server.url}/#/registry/household/1`);
    await expect(page.getByRole('cell', { name: FULL_ID }).first()).toBeVisible();
    const { household, members } = await api<{ household: { archiveNo: string }; members: { idNumber: string }[] }>(page.request, server.url, 'registry.household', { householdId: 1 });
    const id = members[0]!.idNumber;
    expect(id).toMatch(FULL_ID);

    const reviewer = await browser.newPage();
    await reviewer.goto(server.url);
    await signIn(reviewer, 'reviewer');
    const search = (q: string) => api<{ total: number; rows: { archiveNo: string }[] }>(reviewer.request, server.url, 'registry.households', { q });
    expect((await search(id.slice(0, 12))).total).toBe(0);
    expect((await search(id)).rows.map((r) => r.archiveNo)).toEqual([household.archiveNo]);
    await reviewer.goto(`${server.url}/#/registry/households?q=${id.slice(0, 12)}`);
    await expect(reviewer.getByRole('link', { name: household.archiveNo })).toHaveCount(0);
    await reviewer.close();
  });

  test('the audit trail shows an auditor the changed phone masked', async ({ page, browser, server }) => {
    await page.goto(server.url);
    await signIn(page, 'registrar');
    await api(page.request, server.url, 'registry.updateHousehold', { householdId: 1, fields: { phone: '13912345678' } });

    const auditor = await browser.newPage();
    await auditor.goto(server.url);
    await signIn(auditor, 'auditor');
    await auditor.goto(`${server.url}/#/settings/audit`);
    const entity = auditor.getByRole('searchbox', { name: /^(对象|Entity)$/ });
    await entity.fill('household');
    await entity.press('Enter');
    await expect(auditor.getByRole('cell', { name: 'registry.updateHousehold' }).first()).toBeVisible();
    await auditor.getByRole('button', { name: /展开行|Expand row/ }).first().click();
    const detail = auditor.locator('pre').first();
    await expect(detail).toContainText('139****5678');
    await expect(detail).not.toContainText('13912345678');
    await auditor.close();
  });
});
