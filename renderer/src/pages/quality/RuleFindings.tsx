import { useState } from 'react';
import { Table, Typography } from 'antd';
import { useCall } from '../../app/useCall';
import { useI18n } from '../../i18n';
import { href } from '../../app/router';
import type { Finding } from '../../../../db/quality/types';
import type { Scope } from './ScopePicker';

/** One rule's findings, page by page, each linked to its household. */
export function RuleFindings({ ruleId, scope, asOf }: { ruleId: string; scope: Scope; asOf: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState({ offset: 0, limit: 20 });
  const { data, loading } = useCall('quality.findings', { ruleId, ...scope, asOf, ...page });
  return (
    <Table<Finding>
      size="small"
      rowKey={(f) => `${f.householdId}-${f.memberId ?? ''}-${f.voucherId ?? ''}`}
      loading={loading}
      dataSource={data?.rows ?? []}
      pagination={{
        current: page.offset / page.limit + 1, pageSize: page.limit, total: data?.total ?? 0, showTotal: (count) => t('common.total', { count }),
        onChange: (p, size) => setPage({ offset: (p - 1) * size, limit: size }),
      }}
      columns={[
        { title: t('quality.township'), dataIndex: 'township', width: 100 },
        { title: t('quality.village'), dataIndex: 'village', width: 100 },
        {
          title: t('quality.archiveNo'), key: 'archiveNo', width: 170,
          render: (_: unknown, f) => <a href={href(`registry/household/${f.householdId}`)} aria-label={t('quality.openHousehold', { archiveNo: f.archiveNo })}>{f.archiveNo}</a>,
        },
        { title: t('quality.head'), dataIndex: 'headName', width: 90 },
        { title: t('quality.member'), dataIndex: 'memberName', width: 90 },
        { title: t('quality.voucher'), dataIndex: 'voucherLabel', width: 130 },
        { title: t('quality.facts'), dataIndex: 'facts', render: (v: string) => <Typography.Text code={!!v}>{v}</Typography.Text> },
      ]}
    />
  );
}
