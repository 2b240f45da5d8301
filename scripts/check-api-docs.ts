/** Fails when docs/API.md no longer matches the API table (run `npm run docs:api`). */
import fs from 'node:fs';
import { renderApiDocs } from './gen-api-docs';

const current = fs.existsSync('docs/API.md') ? fs.readFileSync('docs/API.md', 'utf8') : '';
if (current !== renderApiDocs()) {
  console.error('docs/API.md is stale: run `npm run docs:api` and commit the result.');
  process.exit(1);
}
console.log('docs/API.md matches the API table.');
