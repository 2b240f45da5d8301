import { setupMethods } from './methods/setup';
import { authMethods } from './methods/auth';
import { jobMethods } from './methods/jobs';
import { registryMethods } from './methods/registry';
import { registryStatusMethods } from './methods/registryStatus';
import { registryCareMethods } from './methods/registryCare';
import { registryExcelMethods } from './methods/registryExcel';
import { auditMethods } from './methods/audit';
import { fundsMethods } from './methods/funds';
import { backupMethods } from './methods/backup';
import { certificatesMethods } from './methods/certificates';
import { assetsMethods } from './methods/assets';
import { dashboardMethods } from './methods/dashboard';
import { reportsMethods } from './methods/reports';
import { qualityMethods } from './methods/quality';
import { exchangeMethods } from './methods/exchange';

/**
 * The API: every method name bound to its input schema, who may call it, and its handler.
 * The IPC channel and the web host both answer from this table and nothing else.
 */
export const api = {
  ...setupMethods,
  ...authMethods,
  ...jobMethods,
  ...registryMethods,
  ...registryStatusMethods,
  ...registryCareMethods,
  ...registryExcelMethods,
  ...auditMethods,
  ...fundsMethods,
  ...backupMethods,
  ...certificatesMethods,
  ...assetsMethods,
  ...dashboardMethods,
  ...reportsMethods,
  ...qualityMethods,
  ...exchangeMethods,
};
