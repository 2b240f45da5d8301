/** manifest.json of a data package (docs/PACKAGE.md). PURE types and text, shared with the renderer. */
import type { Part } from './tables';

export const PACKAGE_FORMAT = 'county-ledger-package';
export const PACKAGE_FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const CHECKSUMS = 'SHA256SUMS';

export interface ManifestFile {
  path: string;
  table: string;
  part: Part;
  rows: number;
  bytes: number;
  sha256: string;
}

export type PackageScope =
  | { kind: 'county' }
  | { kind: 'village'; villageId: number; villageCode: string; villageName: string; townshipName: string };

export interface Manifest {
  format: typeof PACKAGE_FORMAT;
  formatVersion: number;
  producedAt: string;
  producedBy: { userId: number; userName: string };
  ledger: { schemaVersion: number; countyCode: string; countyName: string };
  scope: PackageScope;
  parts: Part[];
  /** Data files, each JSON Lines: one JSON object per row, keys as the ledger's column names. */
  files: ManifestFile[];
}

/** `sha256sum -c SHA256SUMS` checks the manifest and every data file with standard tools. */
export function checksumsText(manifestSha256: string, files: readonly ManifestFile[]): string {
  return [`${manifestSha256}  ${MANIFEST}`, ...files.map((f) => `${f.sha256}  ${f.path}`)].join('\n') + '\n';
}
