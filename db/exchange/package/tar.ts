/**
 * A minimal POSIX ustar writer and reader (regular files only), enough for data packages
 * (docs/PACKAGE.md). Any tar program reads what this writes (`tar -tvf`, `tar -xf`).
 *
 * Layout: for each file a 512-byte header, then the data padded with zeros to a multiple of 512;
 * the archive ends with two zero blocks. Header fields are ASCII: name (100 bytes), mode, uid,
 * gid (8, octal), size and mtime (12, octal), checksum (8: the sum of all header bytes with the
 * checksum field counted as spaces, six octal digits, NUL, space), type flag '0', magic "ustar\0",
 * version "00", owner and group names, and a 155-byte prefix that the name is split into when it
 * is longer than 100 bytes.
 */
export const BLOCK = 512;

export class TarError extends Error {}

export interface TarEntry {
  /** Relative path with '/' separators; no '..', no leading '/'. */
  name: string;
  data: Buffer;
  /** Modification time in whole seconds since 1970 (default 0, for byte-identical output). */
  mtime?: number;
}

export interface TarHeader {
  name: string;
  size: number;
  mtime: number;
  type: string;
}

function safeName(name: string): void {
  if (!name || name.startsWith('/') || name.split('/').some((p) => p === '..' || p === '.' || p === '') || /[\\\0]/.test(name)) {
    throw new TarError(`unsafe entry name ${JSON.stringify(name)}`);
  }
  if (!/^[\x20-\x7e]+$/.test(name)) throw new TarError(`entry names are ASCII only: ${JSON.stringify(name)}`);
}

function octal(value: number, width: number): string {
  const s = value.toString(8);
  if (s.length > width - 1) throw new TarError(`value ${value} does not fit a ${width}-byte tar field`);
  return s.padStart(width - 1, '0') + '\0';
}

/** Splits a long name into prefix (≤155) and name (≤100) at a '/'. */
function splitName(name: string): { prefix: string; base: string } {
  if (name.length <= 100) return { prefix: '', base: name };
  for (let i = name.lastIndexOf('/'); i > 0; i = name.lastIndexOf('/', i - 1)) {
    if (i <= 155 && name.length - i - 1 <= 100) return { prefix: name.slice(0, i), base: name.slice(i + 1) };
  }
  throw new TarError(`entry name too long for ustar: ${name}`);
}

function checksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum;
}

export function tarHeader(name: string, size: number, mtime = 0): Buffer {
  safeName(name);
  const h = Buffer.alloc(BLOCK);
  const { prefix, base } = splitName(name);
  h.write(base, 0, 100, 'ascii');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(mtime, 12), 136, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write('county-ledger', 265, 32, 'ascii');
  h.write('county-ledger', 297, 32, 'ascii');
  h.write(prefix, 345, 155, 'ascii');
  h.write(`${checksum(h).toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

/** Zero bytes that pad `size` bytes of data to whole blocks. */
export function padding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** The two zero blocks that end an archive. */
export const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK);

export function writeTar(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) parts.push(tarHeader(e.name, e.data.length, e.mtime ?? 0), e.data, padding(e.data.length));
  parts.push(END_OF_ARCHIVE);
  return Buffer.concat(parts);
}

const field = (h: Buffer, at: number, len: number) => {
  const raw = h.subarray(at, at + len);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? len : end).toString('ascii');
};

function parseOctal(h: Buffer, at: number, len: number, what: string): number {
  const s = field(h, at, len).trim();
  if (!/^[0-7]*$/.test(s)) throw new TarError(`bad ${what} field in a tar header`);
  return s === '' ? 0 : parseInt(s, 8);
}

/** Reads the header at `offset`; null at the end-of-archive marker. */
export function readHeader(buf: Buffer, offset: number): TarHeader | null {
  if (offset + BLOCK > buf.length) throw new TarError('archive ends inside a header (truncated?)');
  const h = buf.subarray(offset, offset + BLOCK);
  if (h.every((b) => b === 0)) return null;
  if (parseOctal(h, 148, 8, 'checksum') !== checksum(h)) throw new TarError(`header checksum wrong at byte ${offset}`);
  if (field(h, 257, 6) !== 'ustar') throw new TarError(`not a ustar header at byte ${offset}`);
  const prefix = field(h, 345, 155);
  const base = field(h, 0, 100);
  return { name: prefix ? `${prefix}/${base}` : base, size: parseOctal(h, 124, 12, 'size'), mtime: parseOctal(h, 136, 12, 'mtime'), type: field(h, 156, 1) || '0' };
}

/** Every regular file of the archive, in order. Other entry types and unsafe names are refused. */
export function readTar(buf: Buffer): (TarHeader & { data: Buffer })[] {
  const out: (TarHeader & { data: Buffer })[] = [];
  let offset = 0;
  for (;;) {
    const h = readHeader(buf, offset);
    if (!h) return out;
    if (h.type !== '0') throw new TarError(`entry ${h.name} is not a regular file (type ${h.type})`);
    safeName(h.name);
    const start = offset + BLOCK;
    if (start + h.size > buf.length) throw new TarError(`archive ends inside ${h.name} (truncated?)`);
    out.push({ ...h, data: buf.subarray(start, start + h.size) });
    offset = start + h.size + padding(h.size).length;
  }
}
