import path from 'node:path';
import { z } from 'zod';
import { method } from '../define';
import { ANY_ROLE, type Role } from '../../../db/roles';
import { REGISTRY_WRITERS } from './registry';
import { XLSX_MIME } from '../../../db/funds/xlsx';
import { compareDibao } from '../../../db/exchange/dibao/compare';
import { acceptDibaoProposals } from '../../../db/exchange/dibao/accept';
import { dibaoTemplate } from '../../../db/exchange/dibao/template';
import { acceptInput, compareInput } from '../../../db/exchange/dibao/schemas';
import { exportPackageInput, packageName, verifyInput } from '../../../db/exchange/package/schemas';
import { listPackages, packageDownload, readPackageFile } from '../../../db/exchange/package/files';
import { verifyPackage } from '../../../db/exchange/package/verify';
import { ledgerKeyFingerprint } from '../../../db/exchange/package/signing';

const PACKAGE_MAKERS: readonly Role[] = ['admin', 'registrar', 'accountant'];

export const packagesDirOf = (dataDir: string) => path.join(path.resolve(dataDir), 'packages');

/** Data exchange with other systems: the civil-affairs dibao roster (docs/DIBAO.md) and review packages (docs/PACKAGE.md). */
export const exchangeMethods = {
  'exchange.dibaoTemplate': method({
    doc: 'An empty dibao roster in the documented layout (.xlsx).',
    input: z.object({}),
    access: ANY_ROLE,
    run: async () => ({ fileName: 'dibao-roster-template.xlsx', mime: XLSX_MIME, base64: (await dibaoTemplate()).toString('base64') }),
  }),
  'exchange.dibaoCompare': method({
    doc: 'Read a civil-affairs dibao roster (.xlsx) and compare it with the registry by ID number: on the roster but not registered as dibao, registered but not on the roster, and classes or amounts that disagree, each with the proposed change. Writes nothing.',
    input: compareInput,
    access: ANY_ROLE,
    run: (input, ctx) => compareDibao(ctx.ledger, input),
  }),
  'exchange.dibaoAccept': method({
    doc: 'Apply accepted proposals of a dibao comparison (each member\'s dibao flag and class), all or none, refused when a member changed since; each change is audited with the roster file and row.',
    input: acceptInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => acceptDibaoProposals(ctx.ledger, ctx.actor, input),
  }),
  'exchange.packageStart': method({
    doc: 'Write a data package of the county or one village (registry, funds, assets) in a background job; the result names the .tar file in the packages folder and gives the manifest\'s SHA-256 and the signing key\'s fingerprint (audited).',
    input: exportPackageInput,
    access: PACKAGE_MAKERS,
    run: (input, ctx) => ctx.host.jobs.start('exportPackage', { file: ctx.ledger.path, dir: packagesDirOf(ctx.host.dataDir), actor: ctx.actor, input }, ctx.session.id),
  }),
  'exchange.packages': method({
    doc: 'The packages in the packages folder, newest first, and where that folder is.',
    input: z.object({}),
    access: ANY_ROLE,
    run: (_input, ctx) => ({ folder: packagesDirOf(ctx.host.dataDir), packages: listPackages(packagesDirOf(ctx.host.dataDir)), keyFingerprint: ledgerKeyFingerprint(ctx.ledger) }),
  }),
  'exchange.packageFile': method({
    doc: 'A package from the packages folder as base64, for saving elsewhere (refused above 40 MB: copy those from the folder).',
    input: packageName,
    access: ANY_ROLE,
    run: (input, ctx) => packageDownload(packagesDirOf(ctx.host.dataDir), input.fileName),
  }),
  'exchange.packageVerify': method({
    doc: 'Open a package read-only (one from the packages folder, or an uploaded .tar) and verify it: every file\'s SHA-256, size and row count against the manifest, the manifest\'s signature, and the first rows of each file. Nothing is imported.',
    input: verifyInput,
    access: ANY_ROLE,
    run: (input, ctx) => {
      const data = 'base64' in input ? Buffer.from(input.base64, 'base64') : readPackageFile(packagesDirOf(ctx.host.dataDir), input.fileName);
      return verifyPackage(input.fileName, data, { ledgerFingerprint: ledgerKeyFingerprint(ctx.ledger) });
    },
  }),
};
