import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * Resolves a URL path inside the renderer folder; anything that would leave it (.., encoded
 * slashes, absolute paths) falls back to index.html, the single-page app's entry.
 */
export function resolveStatic(root: string, urlPath: string): { file: string; type: string } {
  const index = path.join(root, 'index.html');
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return { file: index, type: TYPES['.html']! };
  }
  const candidate = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const inside = candidate.startsWith(path.resolve(root) + path.sep);
  if (inside && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
    return { file: candidate, type: TYPES[path.extname(candidate)] ?? 'application/octet-stream' };
  }
  return { file: index, type: TYPES['.html']! };
}
