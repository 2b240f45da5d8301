/**
 * Writes docs/API.md from the API table: each method's access, summary, input (JSON Schema from
 * its zod schema) and output (the handler's return type, read by the TypeScript checker).
 * `npm run docs:api`; a test fails when the committed file is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { z } from 'zod';
import { api } from '../electron/api/table';

function outputTypes(): Map<string, string> {
  const file = path.resolve('electron/api/table.ts');
  const program = ts.createProgram([file], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, types: ['node'] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const out = new Map<string, string>();
  ts.forEachChild(source, (node) => {
    if (!ts.isVariableStatement(node)) return;
    for (const decl of node.declarationList.declarations) {
      if (decl.name.getText(source) !== 'api') continue;
      const tableType = checker.getTypeAtLocation(decl);
      for (const prop of tableType.getProperties()) {
        const defType = checker.getTypeOfSymbolAtLocation(prop, decl);
        const run = defType.getProperty('run')!;
        const sig = checker.getTypeOfSymbolAtLocation(run, decl).getCallSignatures()[0]!;
        let ret = sig.getReturnType();
        const awaited = checker.getAwaitedType(ret);
        if (awaited) ret = awaited;
        out.set(prop.getName(), checker.typeToString(ret, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType));
      }
    }
  });
  return out;
}

export function renderApiDocs(): string {
  const outputs = outputTypes();
  const lines = [
    '# County Ledger API',
    '',
    'Generated from `electron/api/table.ts` by `npm run docs:api`; do not edit by hand.',
    '',
    'Every method is answered from the same table by the desktop IPC channel (`window.countyLedger.call(method, input)`)',
    'and by the web host (`POST /api/<method>` with a JSON body, session cookie, same origin only). Each answer is',
    '`{ ok: true, value }` or `{ ok: false, error: { code, message, zh, field?, row?, problems? } }`. Money is integer fen.',
    '',
    '| Method | Who may call | What it does |',
    '|---|---|---|',
  ];
  const names = Object.keys(api).sort();
  for (const name of names) {
    const def = api[name as keyof typeof api];
    const access = def.access === 'public' ? 'anyone (before sign-in)' : def.access.join(', ');
    lines.push(`| [\`${name}\`](#${name.replace(/\./g, '')}) | ${access} | ${def.doc} |`);
  }
  for (const name of names) {
    const def = api[name as keyof typeof api];
    const schema = z.toJSONSchema(def.input as z.ZodType, { io: 'input', unrepresentable: 'any' });
    delete (schema as Record<string, unknown>).$schema;
    lines.push('', `## ${name}`, '', def.doc, '', `Access: ${def.access === 'public' ? 'public' : def.access.join(', ')}`, '', 'Input:', '', '```json', JSON.stringify(schema, null, 2), '```', '', 'Output:', '', '```ts', outputs.get(name) ?? 'unknown', '```');
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith('gen-api-docs.ts')) {
  fs.mkdirSync('docs', { recursive: true });
  fs.writeFileSync('docs/API.md', renderApiDocs());
  console.log(`docs/API.md: ${Object.keys(api).length} methods`);
}
