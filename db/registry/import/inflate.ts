/**
 * Inflates a deflated zip entry piece by piece, synchronously, so that a roster's sheet (338 MB of
 * XML for 250,000 members, ≈ 1.4 GB for a million) never has to exist whole in memory.
 *
 * Node offers no public synchronous streaming inflater: `inflateRawSync` needs the whole output,
 * and a stream's `_processChunk` closes the stream after one call. So this drives the zlib handle
 * of an InflateRaw directly, the way Node's own `processChunkSync` does (`writeSync` with the
 * input and an output window; the handle's write state tells what is left). Should a runtime not
 * have that handle, the entry is inflated whole and handed out in slices: slower on memory, same
 * result.
 */
import { constants, createInflateRaw, inflateRawSync } from 'node:zlib';

/** Compressed bytes fed per step; a roster's XML inflates about 7×. */
export const DEFAULT_INPUT_CHUNK = 1 << 20;
const OUTPUT_WINDOW = 1 << 20;

interface ZlibHandle {
  writeSync(flush: number, input: Buffer, inOff: number, inLen: number, out: Buffer, outOff: number, outLen: number): void;
  onerror: (message: string, errno: number) => void;
}

export class InflateError extends Error {}

/** The inflated bytes of `data` (raw deflate), in pieces of at most about `outputWindow` bytes. */
export function* inflateChunks(data: Buffer, inputChunk = DEFAULT_INPUT_CHUNK, outputWindow = OUTPUT_WINDOW): Generator<Buffer> {
  const engine = createInflateRaw() as unknown as { _handle?: ZlibHandle; _writeState?: Uint32Array; close(): void };
  const handle = engine._handle;
  const state = engine._writeState;
  if (!handle || typeof handle.writeSync !== 'function' || !state) {
    engine.close();
    const whole = inflateRawSync(data);
    for (let at = 0; at < whole.length; at += outputWindow) yield whole.subarray(at, at + outputWindow);
    return;
  }
  let error: InflateError | null = null;
  handle.onerror = (message) => {
    error = new InflateError(message);
  };
  try {
    const step = Math.max(1, inputChunk);
    for (let at = 0; at < data.length || at === 0; at += step) {
      const input = data.subarray(at, at + step);
      const flush = at + step >= data.length ? constants.Z_FINISH : constants.Z_NO_FLUSH;
      let inOff = 0;
      let inLen = input.length;
      for (;;) {
        const out = Buffer.allocUnsafe(outputWindow);
        handle.writeSync(flush, input, inOff, inLen, out, 0, outputWindow);
        if (error) throw error;
        const outLeft = state[0]!;
        const inLeft = state[1]!;
        inOff += inLen - inLeft;
        inLen = inLeft;
        if (outLeft < outputWindow) yield out.subarray(0, outputWindow - outLeft);
        // A full window means zlib may hold more output for this input.
        if (outLeft !== 0) break;
      }
      if (data.length === 0) break;
    }
  } finally {
    engine.close();
  }
}
