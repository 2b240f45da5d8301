/**
 * Modules other engineers are still building are loaded at run time, so the bench neither fails to
 * type-check nor crashes when one is missing or renamed: the operation gets a 'not available' row.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export class NotAvailable extends Error {}

/** Loads a module of the repository (path relative to its root, with extension) if it exists. */
export async function optionalModule(repoPath: string): Promise<Record<string, unknown>> {
  const url = new URL(`../../../${repoPath}`, import.meta.url);
  if (!fs.existsSync(fileURLToPath(url))) throw new NotAvailable(`${repoPath} does not exist yet`);
  return (await import(url.href)) as Record<string, unknown>;
}

/** One exported function of such a module, or NotAvailable naming what is missing. */
export async function optionalFunction<F extends (...args: never[]) => unknown>(repoPath: string, name: string): Promise<F> {
  const mod = await optionalModule(repoPath);
  const fn = mod[name];
  if (typeof fn !== 'function') throw new NotAvailable(`${repoPath} does not export ${name}() yet`);
  return fn as F;
}
