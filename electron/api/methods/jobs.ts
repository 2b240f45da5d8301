import { z } from 'zod';
import { method } from '../define';

const jobId = z.object({ jobId: z.string().uuid() });

export const jobMethods = {
  'jobs.get': method({
    doc: 'Progress and, once finished, the result of a background job started by this session.',
    input: jobId,
    access: 'public',
    run: (input, ctx) => ctx.host.jobs.get(input.jobId, ctx.session.id),
  }),
  'jobs.cancel': method({
    doc: 'Ask a background job of this session to stop; it rolls back whatever it had not committed.',
    input: jobId,
    access: 'public',
    run: (input, ctx) => ctx.host.jobs.cancel(input.jobId, ctx.session.id),
  }),
};
