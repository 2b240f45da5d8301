/**
 * Accepting proposed changes from a dibao cross-check: each sets one member's dibao flag and
 * class, only if the member's record is still what the proposal was made from, with an audit row
 * naming the roster file and row. All of them are applied or none.
 */
import type { z } from 'zod';
import type { Ledger } from '../../ledger';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import { fail, notFound } from '../../errors';
import { inTransaction } from '../../shared/tx';
import { acceptInput } from './schemas';

export function acceptDibaoProposals(ledger: Ledger, actor: Actor, raw: z.input<typeof acceptInput>): { changed: number } {
  const input = acceptInput.parse(raw);
  const ids = input.proposals.map((p) => p.memberId);
  if (new Set(ids).size !== ids.length) fail('INVALID_INPUT', 'A member appears in two proposals; accept one of them', '同一成员出现在两条建议中，请只接受其中一条');
  const read = ledger.sqlite.prepare('SELECT dibao, dibao_class AS dibaoClass, name FROM members WHERE id = ?');
  const write = ledger.sqlite.prepare('UPDATE members SET dibao = ?, dibao_class = ? WHERE id = ?');
  return inTransaction(ledger, () => {
    let changed = 0;
    for (const p of input.proposals) {
      const m = read.get(p.memberId) as { dibao: number; dibaoClass: string | null; name: string } | undefined;
      if (!m) notFound('Member', '成员', p.memberId);
      if ((m.dibao === 1) !== p.before.dibao || m.dibaoClass !== p.before.dibaoClass) {
        fail('CONFLICT', `The dibao record of ${m.name} (member ${p.memberId}) changed after the comparison; compare the roster again`,
          `${m.name}（成员 ${p.memberId}）的低保信息在比对后已被修改，请重新比对名册`);
      }
      if (p.after.dibao === p.before.dibao && p.after.dibaoClass === p.before.dibaoClass) continue;
      write.run(p.after.dibao ? 1 : 0, p.after.dibaoClass, p.memberId);
      appendAudit(ledger, actor, {
        entity: 'member', entityId: p.memberId, action: 'dibao_crosscheck',
        before: p.before, after: { ...p.after, roster: { fileName: input.fileName, sha256: input.sha256, row: p.rosterRow } },
      });
      changed++;
    }
    return { changed };
  });
}
