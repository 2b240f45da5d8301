/**
 * Opens a data package read-only and checks it (docs/PACKAGE.md "Verifying"): every file listed
 * in the manifest is present with the stated SHA-256, size and row count, nothing else was added,
 * SHA256SUMS agrees, and the manifest's signature holds. Nothing is imported into the ledger.
 */
import { createHash } from 'node:crypto';
import { readTar, TarError } from './tar';
import { CHECKSUMS, MANIFEST, PACKAGE_FORMAT, SIGNATURE, checksumsText, type Manifest } from './manifest';
import { fingerprint, signatureValid, type ManifestSignature } from './signing';

export interface Problem {
  /** The file concerned, or '' for the package as a whole. */
  path: string;
  en: string;
  zh: string;
}

export interface FileCheck {
  path: string;
  table: string;
  part: string;
  expectedSha256: string;
  actualSha256: string | null;
  expectedBytes: number;
  actualBytes: number | null;
  expectedRows: number;
  actualRows: number | null;
  ok: boolean;
  /** The first rows, parsed, to show what the file holds. */
  preview: Record<string, unknown>[];
}

export interface PackageVerdict {
  ok: boolean;
  fileName: string;
  bytes: number;
  sha256: string;
  /** SHA-256 of manifest.json: confirm it with the producer out of band. */
  manifestSha256: string | null;
  manifest: Manifest | null;
  signature: { present: boolean; valid: boolean; keyFingerprint: string | null; signedByThisLedger: boolean | null };
  files: FileCheck[];
  problems: Problem[];
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function countLines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  return n;
}

function previewRows(b: Buffer, limit: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let start = 0;
  while (out.length < limit && start < b.length) {
    const end = b.indexOf(10, start);
    const line = b.toString('utf8', start, end < 0 ? b.length : end);
    try {
      out.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      out.push({ '(unreadable line)': line.slice(0, 200) });
    }
    if (end < 0) break;
    start = end + 1;
  }
  return out;
}

function parseJson<T>(b: Buffer | undefined): T | null {
  if (!b) return null;
  try {
    return JSON.parse(b.toString('utf8')) as T;
  } catch {
    return null;
  }
}

export interface VerifyOptions {
  /** This ledger's key fingerprint, to say whether the package was signed by it. */
  ledgerFingerprint?: string | null;
  previewRows?: number;
}

export function verifyPackage(fileName: string, buf: Buffer, opts: VerifyOptions = {}): PackageVerdict {
  const problems: Problem[] = [];
  const verdict: PackageVerdict = {
    ok: false, fileName, bytes: buf.length, sha256: sha(buf), manifestSha256: null, manifest: null,
    signature: { present: false, valid: false, keyFingerprint: null, signedByThisLedger: null }, files: [], problems,
  };
  let entries: ReturnType<typeof readTar>;
  try {
    entries = readTar(buf);
  } catch (err) {
    const why = err instanceof TarError ? err.message : String(err);
    problems.push({ path: '', en: `Not a readable package (${why})`, zh: `不是可读取的数据包（${why}）` });
    return verdict;
  }
  const byName = new Map(entries.map((e) => [e.name, e.data]));
  if (byName.size !== entries.length) problems.push({ path: '', en: 'A file appears twice in the archive', zh: '归档中有重复的文件' });

  const manifestBytes = byName.get(MANIFEST);
  const manifest = parseJson<Manifest>(manifestBytes);
  if (!manifestBytes || !manifest || manifest.format !== PACKAGE_FORMAT || !Array.isArray(manifest.files)) {
    problems.push({ path: MANIFEST, en: 'manifest.json is missing or not a County Ledger manifest', zh: '缺少 manifest.json，或不是本软件的数据包清单' });
    return verdict;
  }
  verdict.manifest = manifest;
  verdict.manifestSha256 = sha(manifestBytes);

  const sig = parseJson<ManifestSignature>(byName.get(SIGNATURE));
  if (!sig) {
    problems.push({ path: SIGNATURE, en: 'The manifest is not signed (manifest.sig missing)', zh: '清单未签名（缺少 manifest.sig）' });
  } else {
    const valid = signatureValid(sig, manifestBytes) && fingerprint(sig.publicKey) === sig.keyFingerprint;
    verdict.signature = {
      present: true, valid, keyFingerprint: fingerprint(sig.publicKey),
      signedByThisLedger: opts.ledgerFingerprint === undefined ? null : fingerprint(sig.publicKey) === opts.ledgerFingerprint,
    };
    if (!valid) problems.push({ path: MANIFEST, en: 'The manifest does not match its signature: manifest.json or manifest.sig was changed', zh: '清单与签名不符：manifest.json 或 manifest.sig 被改动过' });
  }

  const listed = new Set<string>([MANIFEST, SIGNATURE, CHECKSUMS]);
  for (const f of manifest.files) {
    listed.add(f.path);
    const data = byName.get(f.path);
    const check: FileCheck = {
      path: f.path, table: f.table, part: f.part, expectedSha256: f.sha256, actualSha256: null, expectedBytes: f.bytes, actualBytes: null,
      expectedRows: f.rows, actualRows: null, ok: false, preview: [],
    };
    if (!data) {
      problems.push({ path: f.path, en: `${f.path} is listed in the manifest but missing`, zh: `清单中列有 ${f.path}，但数据包中没有该文件` });
    } else {
      check.actualSha256 = sha(data);
      check.actualBytes = data.length;
      check.actualRows = countLines(data);
      check.preview = previewRows(data, opts.previewRows ?? 5);
      check.ok = check.actualSha256 === f.sha256 && data.length === f.bytes && check.actualRows === f.rows;
      if (check.actualSha256 !== f.sha256) {
        problems.push({ path: f.path, en: `${f.path} was altered: SHA-256 expected ${f.sha256}, actual ${check.actualSha256}`, zh: `${f.path} 已被改动：SHA-256 应为 ${f.sha256}，实际为 ${check.actualSha256}` });
      } else if (!check.ok) {
        problems.push({ path: f.path, en: `${f.path} does not have the stated size or row count`, zh: `${f.path} 的大小或行数与清单不符` });
      }
    }
    verdict.files.push(check);
  }
  for (const e of entries) {
    if (!listed.has(e.name)) problems.push({ path: e.name, en: `${e.name} is not listed in the manifest`, zh: `${e.name} 不在清单中（被添加的文件）` });
  }
  const sums = byName.get(CHECKSUMS)?.toString('utf8');
  if (sums !== undefined && sums !== checksumsText(verdict.manifestSha256, manifest.files)) {
    problems.push({ path: CHECKSUMS, en: 'SHA256SUMS disagrees with the manifest', zh: 'SHA256SUMS 与清单不一致' });
  }
  verdict.ok = problems.length === 0;
  return verdict;
}
