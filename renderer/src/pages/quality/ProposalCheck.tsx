import { Checkbox } from 'antd';
import type { Proposal } from '../../../../db/exchange/dibao/schemas';

/** Which proposals the clerk has ticked, by member id. */
export type Picked = Map<number, Proposal>;

/** A tick box for one proposal, named for screen readers. */
export function ProposalCheck({ proposal, picked, onChange, label }: { proposal: Proposal | null; picked: Picked; onChange: (p: Picked) => void; label: string }) {
  if (!proposal) return null;
  const toggle = (on: boolean) => {
    const next = new Map(picked);
    if (on) next.set(proposal.memberId, proposal);
    else next.delete(proposal.memberId);
    onChange(next);
  };
  return <Checkbox aria-label={label} checked={picked.has(proposal.memberId)} onChange={(e) => toggle(e.target.checked)} />;
}

/** Ticks or clears every proposal of a list. */
export function AllCheck({ proposals, picked, onChange, label }: { proposals: Proposal[]; picked: Picked; onChange: (p: Picked) => void; label: string }) {
  const all = proposals.length > 0 && proposals.every((p) => picked.has(p.memberId));
  const toggle = (on: boolean) => {
    const next = new Map(picked);
    for (const p of proposals) {
      if (on) next.set(p.memberId, p);
      else next.delete(p.memberId);
    }
    onChange(next);
  };
  return <Checkbox aria-label={label} checked={all} disabled={!proposals.length} onChange={(e) => toggle(e.target.checked)} />;
}
