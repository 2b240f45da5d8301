import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BLOCK, TarError, readTar, tarHeader, writeTar, type TarEntry } from '../../db/exchange/package/tar';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cl-tar-'));
const tar = (args: string[], cwd: string, input?: Buffer) => {
  const r = spawnSync('tar', args, { cwd, input });
  if (r.status !== 0) throw new Error(`tar ${args.join(' ')}: ${r.stderr.toString()}`);
  return r.stdout;
};

const LONG = `data/${'registry/'.repeat(12)}members-with-a-long-name.jsonl`;
const ENTRIES: TarEntry[] = [
  { name: 'manifest.json', data: Buffer.from('{"a":1}\n'), mtime: 1_780_000_000 },
  { name: 'data/empty.jsonl', data: Buffer.alloc(0) },
  { name: 'data/block.jsonl', data: Buffer.alloc(BLOCK, 0x61) },
  { name: 'data/zh.jsonl', data: Buffer.from('{"name":"张三"}\n') },
  { name: LONG, data: Buffer.from('x\n'.repeat(700)) },
];

describe('ustar writer and reader', () => {
  it('reads back exactly what it wrote, in whole 512-byte blocks ending with two zero blocks', () => {
    const buf = writeTar(ENTRIES);
    expect(buf.length % BLOCK).toBe(0);
    expect(buf.subarray(buf.length - 2 * BLOCK).every((b) => b === 0)).toBe(true);
    const back = readTar(buf);
    expect(back.map((e) => [e.name, e.data.toString('hex')])).toEqual(ENTRIES.map((e) => [e.name, e.data.toString('hex')]));
    expect(back[0]!.mtime).toBe(1_780_000_000);
  });

  it('round-trips any set of files', () => {
    const name = fc.stringMatching(/^[a-z0-9_-]{1,20}(\/[a-z0-9_.-]{1,20}){0,3}$/).filter((n) => !n.split('/').some((p) => p === '.' || p === '..'));
    fc.assert(fc.property(fc.uniqueArray(fc.record({ name, data: fc.uint8Array({ maxLength: 2000 }) }), { selector: (e) => e.name, maxLength: 8 }), (files) => {
      const entries = files.map((f) => ({ name: f.name, data: Buffer.from(f.data) }));
      const back = readTar(writeTar(entries));
      expect(back.map((e) => [e.name, Buffer.compare(e.data, entries.find((x) => x.name === e.name)!.data)])).toEqual(entries.map((e) => [e.name, 0]));
    }), { numRuns: 60 });
  });

  it('is read by GNU tar, long names included', () => {
    const dir = tmp();
    const file = path.join(dir, 'p.tar');
    fs.writeFileSync(file, writeTar(ENTRIES));
    expect(tar(['-tf', file], dir).toString().trim().split('\n')).toEqual(ENTRIES.map((e) => e.name));
    const out = path.join(dir, 'x');
    fs.mkdirSync(out);
    tar(['-xf', file], out);
    for (const e of ENTRIES) expect(fs.readFileSync(path.join(out, e.name)).equals(e.data)).toBe(true);
  });

  it('reads what GNU tar writes in ustar format', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'src/data'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src/manifest.json'), '{"b":2}\n');
    fs.writeFileSync(path.join(dir, 'src/data/t.jsonl'), Buffer.alloc(1500, 0x7a));
    const buf = tar(['--format=ustar', '-cf', '-', 'manifest.json', 'data/t.jsonl'], path.join(dir, 'src'));
    const back = readTar(buf);
    expect(back.map((e) => [e.name, e.data.length])).toEqual([['manifest.json', 8], ['data/t.jsonl', 1500]]);
  });

  it('refuses unsafe names, other entry types, bad header checksums and truncated archives', () => {
    for (const bad of ['../x', '/etc/passwd', 'a//b', 'a/./b', '']) expect(() => tarHeader(bad, 0)).toThrow(TarError);
    const good = writeTar([{ name: 'a.txt', data: Buffer.from('hello') }]);

    const evil = Buffer.from(good);
    evil.write('../a.txt\0', 0, 'ascii');
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : evil[i]!;
    evil.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
    expect(() => readTar(evil)).toThrow(/unsafe/);

    const link = Buffer.from(good);
    link.write('2', 156, 'ascii');
    sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : link[i]!;
    link.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
    expect(() => readTar(link)).toThrow(/not a regular file/);

    const flipped = Buffer.from(good);
    flipped[10] = flipped[10]! ^ 1;
    expect(() => readTar(flipped)).toThrow(/checksum/);

    expect(() => readTar(good.subarray(0, BLOCK + 2))).toThrow(/truncated/);
  });
});
