/**
 * renderDocuments in a separate Node process, for batches: a worker thread shares the memory of the
 * process that answers the window (the Electron main process, or the web host), a child process
 * does not — its memory is returned to the system when it exits.
 *
 * The child is this same module, started with `process.execPath` and ELECTRON_RUN_AS_NODE=1 (so
 * that, under Electron, the Electron binary runs as plain Node; Node ignores the variable). It
 * imports this module by its own URL (the built chunk, or the .ts source through tsx in tests) and,
 * seeing CL_PRINT_CHILD=1, waits for one render request on the IPC channel. The child never opens
 * the ledger: it receives the view models and sends back the PDF (structured clone, no base64).
 *
 * Load this module only with a dynamic `import()`, so that the bundler keeps it in its own chunk
 * (importing a chunk runs its top level; this one does nothing unless CL_PRINT_CHILD=1).
 */
import { spawn } from 'node:child_process';
import type { PrintableDoc } from './types';
import { CardOverflowError, MissingGlyphsError, renderDocuments, type RenderOptions } from './render';
import { NoticePrivacyError } from './documents/notice';

type ChildOptions = Pick<RenderOptions, 'lang' | 'layout' | 'cardOverflow' | 'chunk'>;

interface SerializedError {
  name: string;
  message: string;
  occurrences?: MissingGlyphsError['occurrences'];
  overflows?: CardOverflowError['overflows'];
  serial?: string;
  field?: string;
}

type FromChild =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; pdf: Uint8Array; maxRssMb: number; cpuMs: number }
  | { type: 'failed'; error: SerializedError };

/** What the child used, for the benchmark and the log. */
export interface ChildStats {
  maxRssMb: number;
  cpuMs: number;
}

function serialize(err: unknown): SerializedError {
  if (err instanceof MissingGlyphsError) return { name: err.name, message: err.message, occurrences: err.occurrences };
  if (err instanceof CardOverflowError) return { name: err.name, message: err.message, overflows: err.overflows };
  if (err instanceof NoticePrivacyError) return { name: err.name, message: err.message, serial: err.serial, field: err.field };
  return { name: 'Error', message: err instanceof Error ? err.message : String(err) };
}

function revive(e: SerializedError): Error {
  if (e.name === 'MissingGlyphsError' && e.occurrences) return new MissingGlyphsError(e.occurrences);
  if (e.name === 'CardOverflowError' && e.overflows) return new CardOverflowError(e.overflows);
  if (e.name === 'NoticePrivacyError') return new NoticePrivacyError(e.message, e.serial ?? '', e.field ?? '');
  return new Error(`The print process failed: ${e.message}`);
}

/** The code the child runs: import this module (registering tsx first when it is TypeScript source). */
function bootstrap(): string {
  const self = import.meta.url;
  if (!/\.[cm]?ts$/.test(new URL(self).pathname)) return `import(${JSON.stringify(self)})`;
  // From source (tests, benchmark), as electron/jobs/runner.ts does for workers: tsx from the project.
  return `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(self)}); })`;
}

/**
 * Renders in a child process. Progress and abort work as with renderDocuments (abort kills the
 * child); the renderer's refusals (missing glyphs, private data on a notice, cards too tall) come
 * back as the same error classes.
 */
export function renderInChild(
  docs: PrintableDoc[],
  opts: ChildOptions & Pick<RenderOptions, 'onProgress' | 'signal'> & { onStats?: (stats: ChildStats) => void },
): Promise<Buffer> {
  opts.signal?.throwIfAborted();
  return new Promise<Buffer>((resolve, reject) => {
    // The child needs no secret: it never opens the ledger.
    const env: NodeJS.ProcessEnv = { ...process.env, CL_PRINT_CHILD: '1', ELECTRON_RUN_AS_NODE: '1' };
    delete env.COUNTY_LEDGER_KEY;
    const child = spawn(process.execPath, ['-e', bootstrap()], {
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
      windowsHide: true,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      child.kill();
      settle(() => reject(opts.signal!.reason instanceof Error ? opts.signal!.reason : new Error('Print aborted')));
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    child.on('message', (msg: FromChild) => {
      if (msg.type === 'progress') {
        try {
          opts.onProgress?.(msg.done, msg.total);
        } catch (err) {
          child.kill();
          settle(() => reject(err));
        }
      } else if (msg.type === 'done') {
        opts.onStats?.({ maxRssMb: msg.maxRssMb, cpuMs: msg.cpuMs });
        const pdf = Buffer.from(msg.pdf.buffer, msg.pdf.byteOffset, msg.pdf.byteLength);
        settle(() => resolve(pdf));
      } else if (msg.type === 'failed') {
        settle(() => reject(revive(msg.error)));
      }
    });
    child.on('error', (err) => settle(() => reject(new Error(`The print process could not start: ${err.message}`))));
    child.on('exit', (code, signal) => {
      settle(() => reject(new Error(`The print process stopped unexpectedly (${signal ?? `exit code ${code}`})`)));
    });
    const { onProgress: _p, signal: _s, onStats: _o, ...plain } = opts;
    child.send({ type: 'render', docs, opts: plain });
  });
}

/** The child: one render, then exit. */
async function childMain(): Promise<void> {
  const send = (msg: FromChild) => new Promise<void>((resolve) => process.send!(msg, undefined, undefined, () => resolve()));
  const request = await new Promise<{ docs: PrintableDoc[]; opts: ChildOptions }>((resolve) => {
    process.once('message', (msg) => resolve(msg as { docs: PrintableDoc[]; opts: ChildOptions }));
  });
  const cpu0 = process.cpuUsage();
  let last = 0;
  try {
    const pdf = await renderDocuments(request.docs, {
      ...request.opts,
      onProgress: (done, total) => {
        const now = Date.now();
        if (now - last < 100 && done < total) return;
        last = now;
        process.send!({ type: 'progress', done, total } satisfies FromChild);
      },
    });
    const cpu = process.cpuUsage(cpu0);
    await send({ type: 'done', pdf, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), cpuMs: Math.round((cpu.user + cpu.system) / 1000) });
  } catch (err) {
    await send({ type: 'failed', error: serialize(err) });
  }
  process.disconnect();
}

if (process.env.CL_PRINT_CHILD === '1' && typeof process.send === 'function') {
  // Only the child started above gets here; never again in its own children.
  delete process.env.CL_PRINT_CHILD;
  void childMain();
}
