import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { href } from '../../app/router';
import { formatFen } from '../../../../db/rules/money';
import type { Disagreement, MemberRef, NotOnRoster, NotRegistered } from '../../../../db/exchange/dibao/compare';
import type { Proposal } from '../../../../db/exchange/dibao/schemas';
import { AllCheck, ProposalCheck, type Picked } from './ProposalCheck';

interface Props<T> {
  rows: T[];
  picked: Picked;
  onPick: (p: Picked) => void;
}

function useProposalText() {
  const { t, label } = useI18n();
  return (p: Proposal | null) => {
    if (!p) return <Typography.Text type="secondary">{t('quality.noProposal')}</Typography.Text>;
    if (!p.after.dibao) return t('quality.proposalRemove');
    if (!p.before.dibao) return t('quality.proposalAdd', { cls: label('dibaoClass', p.after.dibaoClass) || '—' });
    return t('quality.proposalClass', { cls: label('dibaoClass', p.after.dibaoClass) });
  };
}

function MemberLink({ m }: { m: MemberRef }) {
  const { t } = useI18n();
  return <a href={href(`registry/household/${m.householdId}`)} aria-label={t('quality.openHousehold', { archiveNo: m.archiveNo })}>{m.archiveNo}</a>;
}

/** The tick-box column: `labels.all` names the select-all box, `labels.one` each row's box. */
function pickColumn<T>(rows: T[], proposalOf: (r: T) => Proposal | null, labels: { all: string; one: (r: T) => string }, picked: Picked, onPick: (p: Picked) => void) {
  const proposals = rows.map(proposalOf).filter((p): p is Proposal => p !== null);
  return {
    title: <AllCheck proposals={proposals} picked={picked} onChange={onPick} label={labels.all} />,
    key: 'pick', width: 48,
    render: (_: unknown, r: T) => <ProposalCheck proposal={proposalOf(r)} picked={picked} onChange={onPick} label={labels.one(r)} />,
  };
}

/** A: on the roster, but not recorded as receiving dibao (or not in the registry at all). */
export function NotRegisteredTable({ rows, picked, onPick }: Props<NotRegistered>) {
  const { t, label } = useI18n();
  const proposalText = useProposalText();
  return (
    <Table<NotRegistered>
      size="small" rowKey={(r) => r.roster.row} dataSource={rows}
      pagination={{ pageSize: 20, showTotal: (count) => t('common.total', { count }) }}
      columns={[
        pickColumn(rows, (r) => r.proposal, { all: t('quality.selectAll'), one: (r) => t('quality.select', { name: r.roster.name }) }, picked, onPick),
        { title: t('quality.row'), key: 'row', width: 70, render: (_: unknown, r) => r.roster.row },
        { title: t('quality.rosterName'), key: 'name', render: (_: unknown, r) => r.roster.name },
        { title: t('quality.idNumber'), key: 'id', render: (_: unknown, r) => r.roster.idNumber },
        { title: t('quality.rosterClass'), key: 'cls', render: (_: unknown, r) => label('dibaoClass', r.roster.dibaoClass) },
        { title: t('quality.reasonLabel'), key: 'reason', render: (_: unknown, r) => <Tag>{t(`quality.reason.${r.reason}`)}</Tag> },
        {
          title: t('quality.inRegistry'), key: 'member',
          render: (_: unknown, r) => r.member && (<>{r.member.name} · <MemberLink m={r.member} /> {r.nameDiffers && <Tag color="orange">{t('quality.nameDiffers')}</Tag>}</>),
        },
        { title: t('quality.proposal'), key: 'proposal', render: (_: unknown, r) => proposalText(r.proposal) },
      ]}
    />
  );
}

/** B: recorded as dibao (flag or dibao household) but not on the roster. */
export function NotOnRosterTable({ rows, picked, onPick }: Props<NotOnRoster>) {
  const { t, label } = useI18n();
  const proposalText = useProposalText();
  return (
    <Table<NotOnRoster>
      size="small" rowKey={(r) => r.member.memberId} dataSource={rows}
      pagination={{ pageSize: 20, showTotal: (count) => t('common.total', { count }) }}
      columns={[
        pickColumn(rows, (r) => r.proposal, { all: t('quality.selectAll'), one: (r) => t('quality.select', { name: r.member.name }) }, picked, onPick),
        { title: t('quality.township'), key: 'township', render: (_: unknown, r) => r.member.township },
        { title: t('quality.village'), key: 'village', render: (_: unknown, r) => r.member.village },
        { title: t('quality.archiveNo'), key: 'archive', render: (_: unknown, r) => <MemberLink m={r.member} /> },
        { title: t('quality.name'), key: 'name', render: (_: unknown, r) => r.member.name },
        { title: t('quality.ledgerClass'), key: 'cls', render: (_: unknown, r) => label('dibaoClass', r.member.dibaoClass) },
        { title: t('quality.reasonLabel'), key: 'reason', render: (_: unknown, r) => <Tag>{t(`quality.reason.${r.reason}`)}</Tag> },
        { title: t('quality.proposal'), key: 'proposal', render: (_: unknown, r) => proposalText(r.proposal) },
      ]}
    />
  );
}

/** C: on both, but the class or the year's amount differs. */
export function DisagreementTable({ rows, picked, onPick }: Props<Disagreement>) {
  const { t, label } = useI18n();
  const proposalText = useProposalText();
  const keyOf = (d: Disagreement) => (d.kind === 'class' ? `c${d.member.memberId}` : `a${d.householdId}`);
  return (
    <Table<Disagreement>
      size="small" rowKey={keyOf} dataSource={rows}
      pagination={{ pageSize: 20, showTotal: (count) => t('common.total', { count }) }}
      columns={[
        pickColumn(rows, (d) => (d.kind === 'class' ? d.proposal : null), { all: t('quality.selectAll'), one: (d) => t('quality.select', { name: d.kind === 'class' ? d.member.name : d.archiveNo }) }, picked, onPick),
        { title: t('quality.kind'), key: 'kind', width: 90, render: (_: unknown, d) => <Tag>{t(`quality.disagree.${d.kind}`)}</Tag> },
        {
          title: t('quality.archiveNo'), key: 'archive',
          render: (_: unknown, d) => (d.kind === 'class' ? <MemberLink m={d.member} /> : <a href={href(`registry/household/${d.householdId}`)} aria-label={t('quality.openHousehold', { archiveNo: d.archiveNo })}>{d.archiveNo}</a>),
        },
        { title: t('quality.name'), key: 'name', render: (_: unknown, d) => (d.kind === 'class' ? d.member.name : d.village) },
        {
          title: t('quality.ledgerSide'), key: 'ledger',
          render: (_: unknown, d) => (d.kind === 'class' ? label('dibaoClass', d.member.dibaoClass) || '—' : `${t('quality.amountYear', { year: d.year })} ${formatFen(d.recordedFen)}`),
        },
        {
          title: t('quality.rosterSide'), key: 'roster',
          render: (_: unknown, d) => (d.kind === 'class' ? label('dibaoClass', d.roster.dibaoClass) : formatFen(d.expectedFen)),
        },
        { title: t('quality.proposal'), key: 'proposal', render: (_: unknown, d) => (d.kind === 'class' ? proposalText(d.proposal) : t('quality.amountHint')) },
      ]}
    />
  );
}
