import type { z } from 'zod';
import type { Role } from '../../db/roles';
import type { Ledger } from '../../db/ledger';
import type { Actor } from '../../db/actor';
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

/**
 * A method that changes a record and answers with the record as it now stands:
 * `mutate(ledger, actor, input)`, then `answer(ledger, input)` (for instance `getAsset`).
 */
export function mutation<S extends z.ZodType, R>(def: {
  doc: string;
  input: S;
  access: Access;
  mutate: (ledger: Ledger, actor: Actor, input: z.output<S>) => unknown;
  answer: (ledger: Ledger, input: z.output<S>) => R;
}): MethodDef<S, R> {
  const { mutate, answer, ...described } = def;
  return method({
    ...described,
    run: (input, ctx) => {
      mutate(ctx.ledger, ctx.actor, input);
      return answer(ctx.ledger, input);
    },
  });
}
