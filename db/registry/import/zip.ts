/**
 * Reads the entries of a .zip (an .xlsx file is one) from memory, using the central directory
 * so streamed entries with data descriptors read correctly. Deflate and stored entries only,
 * which is all that spreadsheet programs write.
 */
import { inflateRawSync } from 'node:zlib';
import { inflateChunks } from './inflate';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipError extends Error {}

function findEndOfDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipError('not a zip file');
}

/**
 * Inflating into one buffer of the entry's stated size (plus one byte, so that zlib does not start
 * another) spares collecting thousands of 16 KB pieces and copying them together: a roster's sheet
 * runs to hundreds of megabytes. A wrong or missing size only means more pieces.
 */
function outputChunk(unpacked: number): number {
  return unpacked > 0 && unpacked < 0xffffffff ? Math.min(unpacked + 1, 1 << 30) : 64 * 1024;
}

export interface ZipEntry {
  /** The whole entry, inflated. */
  bytes(): Buffer;
  /** The entry inflated piece by piece (`inputChunk` compressed bytes a step), for entries too big to hold whole. */
  chunks(inputChunk?: number): Iterable<Buffer>;
}

/** Entry name → its bytes, inflated on demand. */
export function readZip(buf: Buffer): Map<string, ZipEntry> {
  const end = findEndOfDirectory(buf);
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== CENTRAL) throw new ZipError('broken central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const unpacked = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    const data = (): Buffer => {
      if (buf.readUInt32LE(local) !== LOCAL) throw new ZipError(`broken entry ${name}`);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      if (method !== 0 && method !== 8) throw new ZipError(`entry ${name} uses unsupported compression ${method}`);
      return buf.subarray(start, start + size);
    };
    entries.set(name, {
      bytes: () => (method === 0 ? data() : inflateRawSync(data(), { chunkSize: outputChunk(unpacked) })),
      chunks: (inputChunk) => (method === 0 ? [data()] : inflateChunks(data(), inputChunk)),
    });
  }
  return entries;
}
