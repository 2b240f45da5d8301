import { useCallback, useEffect, useState } from 'react';
import { call, ApiError, type ApiInput, type ApiOutput, type MethodName } from '../api';

/** Loads a method's answer and reloads it when the input changes. */
export function useCall<M extends MethodName>(method: M, input: ApiInput<M> | null) {
  const [data, setData] = useState<ApiOutput<M> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(input);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (input === null) return;
    let live = true;
    setLoading(true);
    call(method, input)
      .then((value) => live && (setData(value), setError(null)))
      .catch((err: unknown) => live && setError(err instanceof ApiError ? err : new ApiError({ code: 'INTERNAL', message: String(err), zh: String(err) })))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [method, key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
