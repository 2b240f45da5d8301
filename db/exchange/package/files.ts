/**
 * Package files in the packages folder (`<data folder>/packages`). A package is written under a
 * temporary name and renamed when complete, so a name in the folder is always a whole package.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { invalid, notFound } from '../../errors';
import { PACKAGE_FILE } from './schemas';

export function packagePath(dir: string, fileName: string): string {
  if (!PACKAGE_FILE.test(fileName)) invalid('fileName', 'Not a package file name', '不是数据包文件名');
  const full = path.resolve(dir, fileName);
  if (path.dirname(full) !== path.resolve(dir)) invalid('fileName', 'Not a package file name', '不是数据包文件名');
  return full;
}

export interface PackageFileInfo {
  fileName: string;
  bytes: number;
  modifiedAt: string;
}

export function listPackages(dir: string): PackageFileInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .filter((n) => PACKAGE_FILE.test(n))
    .map((n) => {
      const st = fs.statSync(path.join(dir, n));
      return { fileName: n, bytes: st.size, modifiedAt: st.mtime.toISOString() };
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}

export function readPackageFile(dir: string, fileName: string): Buffer {
  const full = packagePath(dir, fileName);
  try {
    return fs.readFileSync(full);
  } catch {
    return notFound('Package', '数据包', fileName);
  }
}

/** Packages larger than this are not sent through the API; the clerk copies them from the folder. */
export const MAX_DOWNLOAD_BYTES = 40 * 1024 * 1024;

export function packageDownload(dir: string, fileName: string) {
  const data = readPackageFile(dir, fileName);
  if (data.length > MAX_DOWNLOAD_BYTES) {
    invalid('fileName', `The package is ${Math.ceil(data.length / 1048576)} MB; copy it from the packages folder (${dir})`,
      `数据包有 ${Math.ceil(data.length / 1048576)} MB，请直接从数据包文件夹复制（${dir}）`);
  }
  return { fileName, mime: 'application/x-tar', base64: data.toString('base64'), sha256: createHash('sha256').update(data).digest('hex') };
}
