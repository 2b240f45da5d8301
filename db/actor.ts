import type { Role } from './roles';

/** Who is acting, through which API method. Every mutation is audited with it. */
export interface Actor {
  userId: number;
  userName: string;
  role: Role;
  method: string;
}

/** The built-in identity for work the system does by itself (migrations, demo generation). */
export const SYSTEM_ACTOR: Actor = { userId: 0, userName: 'system', role: 'admin', method: 'system' };
