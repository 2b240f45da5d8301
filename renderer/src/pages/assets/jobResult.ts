import { ApiError, call } from '../../api';
import type { JobView } from '../../components/useJob';

/**
 * Waits for a background job (polling jobs.get, as useJob does) and gives its result, or throws its
 * error as an ApiError — so a form that starts a job (assets.preparePlanJob) shows a refusal on the
 * field it names, exactly as when the method answered directly.
 */
export async function jobResult<T>(started: JobView, onProgress?: (job: JobView) => void): Promise<T> {
  let job = started;
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    job = await call('jobs.get', { jobId: job.id });
    onProgress?.(job);
  }
  if (job.state === 'done') return job.result as T;
  throw new ApiError(job.error ?? { code: 'INTERNAL', message: 'The background task stopped unexpectedly; nothing was written.', zh: '后台任务意外中止，未写入任何数据。' });
}
