/**
 * Runs one operation group in a fresh process (so each group's peak memory is its own and a crash
 * or a missing module costs one group, not the run): `node --expose-gc --import tsx child.ts CTX OUT`.
 */
import fs from 'node:fs';
import { Harness, notAvailable } from './lib/harness';
import type { GroupContext, OpResult } from './lib/types';

const [ctxFile, outFile] = process.argv.slice(2);
if (!ctxFile || !outFile) {
  process.stderr.write('usage: child.ts CONTEXT.json OUT.json\n');
  process.exit(2);
}
const ctx = JSON.parse(fs.readFileSync(ctxFile, 'utf8')) as GroupContext;
const h = new Harness(ctx);
let results: OpResult[];
try {
  const mod = (await import(new URL(`./ops/${ctx.group}.ts`, import.meta.url).href)) as { run(h: Harness): Promise<OpResult[]> };
  results = await mod.run(h);
} catch (err) {
  results = [notAvailable({ id: ctx.group, group: ctx.group, label: ctx.group }, err)];
}
await h.sampler.stop();
fs.writeFileSync(outFile, JSON.stringify(results));
process.exit(0);
