import { useEffect, useState } from 'react';

/** Hash routes (#/registry/households?q=…) work the same over file:// and http://. */
export interface Route {
  path: string[];
  params: URLSearchParams;
}

function parse(hash: string): Route {
  const [pathPart = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { path: pathPart.split('/').filter(Boolean), params: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(path: string, params?: Record<string, string | number | undefined>): void {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== '') query.set(k, String(v));
  const q = query.toString();
  window.location.hash = `#/${path}${q ? `?${q}` : ''}`;
}

export const href = (path: string) => `#/${path}`;
