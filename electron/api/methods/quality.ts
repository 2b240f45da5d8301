import { z } from 'zod';
import { method } from '../define';
import { ANY_ROLE } from '../../../db/roles';
import { ruleInfos } from '../../../db/quality/runner';
import { runQuality } from '../../../db/quality/report';
import { listFindings } from '../../../db/quality/queries';
import { exportQualityReport } from '../../../db/quality/xlsx';
import { preExportCheck } from '../../../db/quality/preExport';
import { exportInput, findingsInput, qualityScope, runInput } from '../../../db/quality/schemas';

/** Data-quality checks (docs/QUALITY.md). All read the ledger only; exports are audited. */
export const qualityMethods = {
  'quality.rules': method({
    doc: 'Every data-quality rule: id, severity, what it finds and how to fix it (both languages), and whether this ledger can run it.',
    input: z.object({}),
    access: ANY_ROLE,
    run: (_input, ctx) => ruleInfos(ctx.ledger),
  }),
  'quality.run': method({
    doc: 'Run the checks now for a village or township (or selected rules): counts by rule, village and township, and the first findings of each rule. For the whole county use quality.start.',
    input: runInput,
    access: ANY_ROLE,
    run: (input, ctx) => runQuality(ctx.ledger, input),
  }),
  'quality.start': method({
    doc: 'Run the checks in a background job (progress rule by rule through jobs.get; jobs.cancel stops it); the job\'s result is what quality.run returns.',
    input: runInput,
    access: ANY_ROLE,
    run: (input, ctx) => ctx.host.jobs.start('qualityRun', { file: ctx.ledger.path, input }, ctx.session.id),
  }),
  'quality.findings': method({
    doc: 'One page of one rule\'s findings in the county, a township or a village, each linked to its household (and member or voucher).',
    input: findingsInput,
    access: ANY_ROLE,
    run: (input, ctx) => listFindings(ctx.ledger, input),
  }),
  'quality.export': method({
    doc: 'The data-quality report as .xlsx: counts by rule, township and village, every finding, and the rules explained (audited).',
    input: exportInput,
    access: ANY_ROLE,
    run: (input, ctx) => exportQualityReport(ctx.ledger, ctx.actor, input),
  }),
  'quality.preExport': method({
    doc: 'The error-severity findings in a scope, as exports check them before writing: their number and the first 50.',
    input: qualityScope,
    access: ANY_ROLE,
    run: (input, ctx) => {
      const errors = preExportCheck(ctx.ledger, input);
      return { count: errors.length, first: errors.slice(0, 50) };
    },
  }),
};
