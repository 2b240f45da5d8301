import { setupMethods } from './methods/setup';
import { authMethods } from './methods/auth';
import { jobMethods } from './methods/jobs';
import { registryMethods } from './methods/registry';
import { auditMethods } from './methods/audit';

/**
 * The API: every method name bound to its input schema, who may call it, and its handler.
 * The IPC channel and the web host both answer from this table and nothing else.
 */
export const api = {
  ...setupMethods,
  ...authMethods,
  ...jobMethods,
  ...registryMethods,
  ...auditMethods,
};
