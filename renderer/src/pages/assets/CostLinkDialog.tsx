import { useState } from 'react';
import { Alert, Flex, Input, Modal, Table } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { errorText } from '../../components/errors';
import { moneyColumn } from '../../components/Money';
import { ProjectSelect } from '../funds/pickers';

type Asset = ApiOutput<'assets.get'>;

/** Picks posted investment lines not yet traced to any asset and traces them to this one. */
export function CostLinkDialog({ open, asset, onClose, onLinked }: { open: boolean; asset: Asset; onClose: () => void; onLinked: () => void }) {
  const { t, lang } = useI18n();
  const projects = useCall('funds.projectOptions', {});
  const [projectId, setProjectId] = useState<number | null>(asset.projectId);
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [selected, setSelected] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const candidates = useCall('assets.costCandidates', open ? { assetId: asset.id, projectId: projectId ?? undefined, q, offset: (page.current - 1) * page.size, limit: page.size } : null);
  const link = async () => {
    setError(null);
    try {
      await call('assets.linkCost', { assetId: asset.id, lineIds: selected });
      setSelected([]);
      onLinked();
    } catch (err) {
      setError(errorText(err, lang));
    }
  };
  return (
    <Modal open={open} title={t('assets.linkCost')} width={1000} onCancel={onClose} onOk={link} okText={t('assets.link')}
      okButtonProps={{ disabled: selected.length === 0 }} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <ProjectSelect projects={projects.data ?? []} label={t('assets.project')} value={projectId} onChange={(v) => { setProjectId(v); setPage((p) => ({ ...p, current: 1 })); }} style={{ width: 320 }} />
        <Input.Search aria-label={t('common.search')} placeholder={t('assets.linkSearch')} allowClear onSearch={(v) => { setQ(v); setPage((p) => ({ ...p, current: 1 })); }} style={{ width: 260 }} />
      </Flex>
      <Table
        rowKey="lineId"
        size="small"
        loading={candidates.loading}
        dataSource={candidates.data?.rows ?? []}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (r) => ({ 'aria-label': `${t('assets.select')} ${r.voucherNo} ${r.summary}` }) }}
        pagination={{ current: page.current, pageSize: page.size, total: candidates.data?.total ?? 0, onChange: (current, size) => setPage({ current, size }) }}
        scroll={{ x: true }}
        columns={[
          { title: t('assets.date'), dataIndex: 'date', width: 105 },
          { title: t('assets.voucherNo'), dataIndex: 'voucherNo' },
          { title: t('assets.account'), key: 'account', render: (_: unknown, r) => `${r.accountCode} ${lang === 'zh' ? r.accountNameZh : r.accountNameEn}` },
          { title: t('assets.summary'), key: 'summary', render: (_: unknown, r) => r.summary || r.memo },
          { title: t('assets.project'), dataIndex: 'projectCode' },
          { title: t('assets.amount'), dataIndex: 'amountFen', ...moneyColumn },
        ]}
      />
    </Modal>
  );
}
