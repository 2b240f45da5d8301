/**
 * A masked value (532999************, 138****5678, ****1234) must never be saved back over the
 * real number. Only admins and registrars may write the registry, and they are sent full values,
 * so no form should ever hold a mask — this is the guard for when one does (an old screen, a
 * copied cell, a masked export typed back in): the save is refused with an error naming the field,
 * before any other check, in both languages.
 */
import { z } from 'zod';
import { isMasked } from './rules/mask';

/** A path into the input; '*' steps into every element of an array. */
export type FieldPath = readonly string[];

function* valuesAt(value: unknown, path: FieldPath, at: (string | number)[] = []): Generator<[unknown, (string | number)[]]> {
  if (path.length === 0) {
    yield [value, at];
    return;
  }
  const [step, ...rest] = path;
  if (step === '*') {
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* valuesAt(value[i], rest, [...at, i]);
    return;
  }
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, step!)) {
    yield* valuesAt((value as Record<string, unknown>)[step!], rest, [...at, step!]);
  }
}

export const MASKED_MESSAGE = {
  en: 'This number is masked (it contains *); a masked value cannot be saved. Enter the full number, or leave the field unchanged.',
  zh: '该号码为脱敏显示（含 *），不能保存脱敏值。请输入完整号码，或不要修改此项。',
};

/** The masked values found at `paths`, as zod issues (empty when there are none). */
export function maskedIssues(input: unknown, paths: readonly FieldPath[]): z.core.$ZodRawIssue[] {
  const issues: z.core.$ZodRawIssue[] = [];
  for (const path of paths) {
    for (const [value, at] of valuesAt(input, path)) {
      if (isMasked(value)) issues.push({ code: 'custom', input: value, path: at, message: MASKED_MESSAGE.en, params: { zh: MASKED_MESSAGE.zh } });
    }
  }
  return issues;
}

/**
 * `schema`, refusing first any masked value at `paths`. Types and the generated API docs stay
 * those of `schema` (a preprocess step is documented as the schema it feeds).
 */
export function refuseMasked<S extends z.ZodType>(schema: S, paths: readonly FieldPath[]): S {
  return z.preprocess((input, ctx) => {
    for (const issue of maskedIssues(input, paths)) ctx.addIssue(issue as never);
    return input;
  }, schema) as unknown as S;
}
