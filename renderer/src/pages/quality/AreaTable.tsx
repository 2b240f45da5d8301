import { Table } from 'antd';
import { useI18n } from '../../i18n';
import type { AreaCount } from '../../../../db/quality/report';
import type { RuleOutcome } from '../../../../db/quality/runner';

/** Counts by village or township: per severity, then per rule that found anything. */
export function AreaTable({ rows, rules, villages }: { rows: AreaCount[]; rules: RuleOutcome[]; villages: boolean }) {
  const { t } = useI18n();
  const found = rules.filter((r) => r.count > 0);
  return (
    <Table<AreaCount>
      size="small"
      rowKey={(a) => `${a.townshipId}-${a.villageId ?? ''}`}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 50, showTotal: (count) => t('common.total', { count }) }}
      columns={[
        { title: t('quality.township'), dataIndex: 'township', fixed: 'left', width: 110 },
        ...(villages ? [{ title: t('quality.village'), dataIndex: 'village', fixed: 'left' as const, width: 110 }] : []),
        ...(['error', 'warning', 'info'] as const).map((s) => ({
          title: t(`quality.severity.${s}`), key: s, width: 70,
          sorter: (a: AreaCount, b: AreaCount) => a.bySeverity[s] - b.bySeverity[s],
          render: (_: unknown, a: AreaCount) => a.bySeverity[s],
        })),
        ...found.map((r) => ({ title: r.ruleId, key: r.ruleId, width: 90, render: (_: unknown, a: AreaCount) => a.byRule[r.ruleId] ?? 0 })),
      ]}
    />
  );
}
