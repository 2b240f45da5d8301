import { z } from 'zod';
import { codesOf, type DibaoClass } from '../../codes';
import { id, year } from '../../shared/zod';

export const compareInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  base64: z.string().min(1),
  sheet: z.string().max(100).optional(),
  /** The year whose recorded dibao income is compared with the roster's amounts (default: this year). */
  year: year.optional(),
  /** Limit "registered but not on the roster" to a township or village the roster covers. */
  townshipId: id.optional(),
  villageId: id.optional(),
});

const dibaoClass = z.enum(codesOf('dibaoClass') as [DibaoClass, ...DibaoClass[]]).nullable();
const dibaoState = z.object({ dibao: z.boolean(), dibaoClass }).refine((s) => s.dibao || s.dibaoClass === null, {
  message: 'A dibao class needs the dibao flag', path: ['dibaoClass'],
});

export const proposal = z.object({
  memberId: id,
  /** The member's dibao record when the proposal was made; acceptance is refused if it changed since. */
  before: dibaoState,
  after: dibaoState,
  /** Where the proposal came from: the roster's row (null for "not on the roster"). */
  rosterRow: z.number().int().positive().nullable(),
});
export type Proposal = z.output<typeof proposal>;

export const acceptInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  /** SHA-256 of the roster file the proposals came from, kept in the audit trail. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  proposals: z.array(proposal).min(1).max(20_000),
});
