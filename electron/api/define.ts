import type { z } from 'zod';
import type { Role } from '../../db/roles';
import type { CallContext } from './context';

/**
 * Who may call a method. There is no default: a method that does not say is not callable.
 * 'public' methods answer before sign-in (setup, sign-in itself).
 */
export type Access = readonly Role[] | 'public';

export interface MethodDef<S extends z.ZodType = z.ZodType, R = unknown> {
  /** One line for docs/API.md. */
  doc: string;
  input: S;
  access: Access;
  run(input: z.output<S>, ctx: CallContext): R | Promise<R>;
}

export function method<S extends z.ZodType, R>(def: MethodDef<S, R>): MethodDef<S, R> {
  return def;
}
