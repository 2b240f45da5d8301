import { method } from '../define';
import { ANY_ROLE } from '../../../db/roles';
import { importFileInput } from '../../../db/registry/import';
import { importTemplate } from '../../../db/registry/import/template';
import { exportHouseholds, exportQuery, XLSX_MIME } from '../../../db/registry/export';
import { z } from 'zod';
import { REGISTRY_WRITERS } from './registry';

/** Files cross the API as base64: { fileName, base64 } in, { fileName, mime, base64 } out. */
export const registryExcelMethods = {
  'registry.importTemplate': method({
    doc: 'The .xlsx import template: Chinese and English headers, drop-downs for coded columns, an instructions sheet (docs/IMPORT.md).',
    input: z.object({}),
    access: ANY_ROLE,
    run: async () => ({ fileName: 'registry-import-template.xlsx', mime: XLSX_MIME, base64: (await importTemplate()).toString('base64') }),
  }),
  'registry.importPreview': method({
    doc: 'Start a background job that reads an .xlsx roster, finds the header row and maps the columns (or uses the mapping given), and lists every bad row and field. Writes nothing; the job\'s result is the preview.',
    input: importFileInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => ctx.host.jobs.start('previewRegistryImport', { file: ctx.ledger.path, input }, ctx.session.id),
  }),
  'registry.importStart': method({
    doc: 'Start a background job that imports the roster all or nothing (progress and cancel through jobs.get / jobs.cancel); refused with every problem when any row is bad.',
    input: importFileInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => ctx.host.jobs.start('importRegistry', { file: ctx.ledger.path, actor: ctx.actor, input }, ctx.session.id),
  }),
  'registry.exportHouseholds': method({
    doc: 'The households matching a list filter as .xlsx, one row per member in the import template\'s columns; marked as personal data, ID numbers, phones and bank accounts masked for roles that may not see them (such a file does not import back), audited with filter, rows and masking.',
    input: exportQuery,
    access: ANY_ROLE,
    run: (input, ctx) => exportHouseholds(ctx.ledger, ctx.actor, input),
  }),
};
