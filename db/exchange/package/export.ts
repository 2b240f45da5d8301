/**
 * Writes a data package (docs/PACKAGE.md): the county's or one village's registry, funds and
 * assets as JSON Lines, a manifest with every file's SHA-256 and row count, its signature and a
 * SHA256SUMS file, in one ustar archive. Reads one consistent snapshot of the ledger; the only
 * writes are the audit row (and the signing key on first use).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Ledger } from '../../ledger';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import { fail, notFound } from '../../errors';
import { inTransaction, nowIso } from '../../shared/tx';
import { END_OF_ARCHIVE, padding, tarHeader } from './tar';
import { CHECKSUMS, MANIFEST, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, SIGNATURE, checksumsText, type Manifest, type ManifestFile, type PackageScope } from './manifest';
import { TABLES, dataPath, type TableSpec } from './tables';
import { ensureSigningKey, signManifest } from './signing';
import { exportPackageInput } from './schemas';

export type PackageInput = z.input<typeof exportPackageInput>;

export interface PackageIo {
  progress(done: number, total: number): void;
  checkCancelled(): void;
}

export interface ExportedPackage {
  fileName: string;
  bytes: number;
  sha256: string;
  manifestSha256: string;
  keyFingerprint: string;
  files: { path: string; rows: number }[];
}

const FLUSH_BYTES = 1 << 20;

/** Streams one table's rows into a JSON Lines file; returns its entry for the manifest. */
function writeTable(ledger: Ledger, spec: TableSpec, scope: PackageScope, file: string, io?: PackageIo): ManifestFile {
  const where = scope.kind === 'village' && spec.village ? `WHERE ${spec.village}` : '';
  const stmt = ledger.sqlite.prepare(`SELECT * FROM "${spec.table}" ${where} ORDER BY rowid`);
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'wx');
  let rows = 0;
  let bytes = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = () => {
    const buf = Buffer.from(pending.join(''), 'utf8');
    fs.writeSync(fd, buf);
    hash.update(buf);
    bytes += buf.length;
    pending = [];
    pendingLength = 0;
  };
  try {
    for (const row of stmt.iterate(scope.kind === 'village' ? { villageId: scope.villageId } : {})) {
      const line = `${JSON.stringify(row)}\n`;
      pending.push(line);
      pendingLength += line.length;
      rows++;
      if (pendingLength >= FLUSH_BYTES) {
        flush();
        io?.checkCancelled();
      }
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
  return { path: dataPath(spec), table: spec.table, part: spec.part, rows, bytes, sha256: hash.digest('hex') };
}

function scopeOf(ledger: Ledger, villageId: number | undefined): PackageScope {
  if (!villageId) return { kind: 'county' };
  const v = ledger.sqlite
    .prepare(`SELECT v.id, v.code, v.name, t.name AS township FROM villages v JOIN townships t ON t.id = v.township_id WHERE v.id = ?`)
    .get(villageId) as { id: number; code: string; name: string; township: string } | undefined;
  if (!v) notFound('Village', '行政村', villageId);
  return { kind: 'village', villageId: v.id, villageCode: v.code, villageName: v.name, townshipName: v.township };
}

function tableExists(ledger: Ledger, table: string): boolean {
  return ledger.sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}

/** The archive being written, hashed as it goes. */
class Archive {
  private readonly hash = createHash('sha256');
  bytes = 0;
  constructor(readonly fd: number) {}

  write(buf: Buffer): void {
    fs.writeSync(this.fd, buf);
    this.hash.update(buf);
    this.bytes += buf.length;
  }

  entry(name: string, data: Buffer | string, mtime: number): void {
    const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.write(tarHeader(name, body.length, mtime));
    this.write(body);
    this.write(padding(body.length));
  }

  file(name: string, file: string, size: number, mtime: number): void {
    this.write(tarHeader(name, size, mtime));
    const src = fs.openSync(file, 'r');
    try {
      const chunk = Buffer.alloc(FLUSH_BYTES);
      for (let n; (n = fs.readSync(src, chunk, 0, chunk.length, null)) > 0;) this.write(chunk.subarray(0, n));
    } finally {
      fs.closeSync(src);
    }
    this.write(padding(size));
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

function stampOf(iso: string): string {
  return iso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Writes the package into `dir` and returns its name and digests. */
export function exportPackage(ledger: Ledger, actor: Actor, raw: z.input<typeof exportPackageInput>, dir: string, io?: PackageIo): ExportedPackage {
  const input = exportPackageInput.parse(raw);
  const county = ledger.sqlite.prepare('SELECT code, name FROM county LIMIT 1').get() as { code: string; name: string } | undefined;
  if (!county) fail('RULE', 'Set up the county before exporting a package', '请先设置本县信息，再导出数据包');
  const scope = scopeOf(ledger, input.villageId);
  const key = ensureSigningKey(ledger, actor);
  const specs = TABLES.filter((t) => input.parts.includes(t.part) && !(scope.kind === 'village' && t.countyOnly) && tableExists(ledger, t.table));

  fs.mkdirSync(dir, { recursive: true });
  const staging = path.join(dir, `.${randomUUID()}.part`);
  fs.mkdirSync(staging);
  try {
    // One read transaction: every table comes from the same committed state of the ledger.
    const files = ledger.sqlite.transaction(() => specs.map((spec, i) => {
      io?.checkCancelled();
      const entry = writeTable(ledger, spec, scope, path.join(staging, `${i}.jsonl`), io);
      io?.progress(i + 1, specs.length + 1);
      return entry;
    }))();

    const producedAt = nowIso();
    const manifest: Manifest = {
      format: PACKAGE_FORMAT,
      formatVersion: PACKAGE_FORMAT_VERSION,
      producedAt,
      producedBy: { userId: actor.userId, userName: actor.userName },
      ledger: { schemaVersion: ledger.schemaVersion, countyCode: county.code, countyName: county.name },
      scope,
      parts: input.parts,
      files,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    const manifestSha256 = createHash('sha256').update(manifestBytes).digest('hex');
    const signature = signManifest(key, manifestBytes);

    const base = `package-${county.code}-${scope.kind === 'village' ? scope.villageCode : 'county'}-${stampOf(producedAt)}`;
    let fileName = `${base}.tar`;
    for (let n = 2; fs.existsSync(path.join(dir, fileName)); n++) fileName = `${base}-${n}.tar`;
    const temp = path.join(staging, 'package.tar');
    const mtime = Math.floor(Date.parse(producedAt) / 1000);
    const archive = new Archive(fs.openSync(temp, 'wx'));
    try {
      archive.entry(MANIFEST, manifestBytes, mtime);
      archive.entry(SIGNATURE, `${JSON.stringify(signature, null, 2)}\n`, mtime);
      archive.entry(CHECKSUMS, checksumsText(manifestSha256, files), mtime);
      files.forEach((f, i) => {
        io?.checkCancelled();
        archive.file(f.path, path.join(staging, `${i}.jsonl`), f.bytes, mtime);
      });
      archive.write(END_OF_ARCHIVE);
      fs.fsyncSync(archive.fd);
    } finally {
      fs.closeSync(archive.fd);
    }
    const sha256 = archive.digest();
    io?.progress(specs.length + 1, specs.length + 1);

    const final = path.join(dir, fileName);
    inTransaction(ledger, () => {
      appendAudit(ledger, actor, {
        entity: 'package', entityId: fileName, action: 'export',
        after: { scope, parts: input.parts, files: files.length, rows: files.reduce((s, f) => s + f.rows, 0), manifestSha256, sha256 },
      });
      fs.renameSync(temp, final);
    });
    return { fileName, bytes: archive.bytes, sha256, manifestSha256, keyFingerprint: signature.keyFingerprint, files: files.map((f) => ({ path: f.path, rows: f.rows })) };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
