import { createContext, useContext } from 'react';
import type { ApiOutput } from '../api';

export interface SessionValue {
  user: NonNullable<ApiOutput<'auth.me'>> | null;
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue>({ user: null, refresh: async () => {} });
export const useSession = () => useContext(SessionContext);
