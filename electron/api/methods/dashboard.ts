import { method } from '../define';
import { ANY_ROLE } from '../../../db/roles';
import { alertExportInput, alertQuery, alertScope, dashboardQuery } from '../../../db/dashboard/schemas';
import { dashboard } from '../../../db/dashboard/dashboard';
import { alertRows, alertSummaries, exportAlert } from '../../../db/dashboard/alertQueries';
import { maskPage } from '../../../db/privacy';

export const dashboardMethods = {
  'dashboard.figures': method({
    doc: 'Home screen figures for the county, a township or a village: households and people by status, attribute and main cause; poverty incidence by township or village against the 2 %/3 % threshold; fund spending progress by source; asset income. Each figure carries the household-list filter it drills into.',
    input: dashboardQuery,
    access: ANY_ROLE,
    run: (input, ctx) => dashboard(ctx.ledger, input),
  }),
  'dashboard.alerts': method({
    doc: 'Every alert (school-age children out of school, no basic medical insurance, unsafe housing, unsafe water, grace period ending, monitoring overdue, no cadre, duplicate ID numbers, payments to the deceased, asset income undistributed) with its explanation and row count.',
    input: alertScope,
    access: ANY_ROLE,
    run: (input, ctx) => alertSummaries(ctx.ledger, input),
  }),
  'dashboard.alertRows': method({
    doc: 'One alert\'s rows, paged: household, member (ID number masked for roles that may not see it), date, amount and a line of detail in both languages.',
    input: alertQuery,
    access: ANY_ROLE,
    run: (input, ctx) => maskPage(ctx.actor.role, alertRows(ctx.ledger, input), { idNumber: 'idNumber' }),
  }),
  'dashboard.alertExport': method({
    doc: 'One alert as an .xlsx work list { fileName, mime, base64 }; ID numbers masked for roles that may not see them; audited as a personal-data export.',
    input: alertExportInput,
    access: ANY_ROLE,
    run: (input, ctx) => exportAlert(ctx.ledger, ctx.actor, input),
  }),
};
