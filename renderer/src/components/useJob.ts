import { useCallback, useEffect, useRef, useState } from 'react';
import { call, type ApiOutput } from '../api';

export type JobView = ApiOutput<'jobs.get'>;

/** Follows a background job until it ends; progress is polled through the same API table. */
export function useJob(onFinished?: (job: JobView) => void) {
  const [job, setJob] = useState<JobView | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  const follow = useCallback((started: JobView) => {
    setJob(started);
    const poll = async () => {
      const next = await call('jobs.get', { jobId: started.id });
      setJob(next);
      if (next.state === 'running') timer.current = setTimeout(poll, 250);
      else finished.current?.(next);
    };
    timer.current = setTimeout(poll, 150);
  }, []);

  const cancel = useCallback(async () => {
    if (job) setJob(await call('jobs.cancel', { jobId: job.id }));
  }, [job]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const percent = job && job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  return { job, follow, cancel, percent };
}
