import { useState } from 'react';
import { App, Button, Flex, Table } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { errorText } from '../../components/errors';
import { HouseholdPicker } from './pickers';

type Beneficiary = ApiOutput<'funds.project'>['beneficiaries'][number];

/** The households a project benefits: add by search, remove, then save the list. */
export function Beneficiaries({ projectId, initial, editable, onSaved }: { projectId: number; initial: Beneficiary[]; editable: boolean; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [rows, setRows] = useState(initial);
  const [picked, setPicked] = useState<number | null>(null);
  const dirty = rows.map((r) => r.id).join() !== initial.map((r) => r.id).join();

  const add = async () => {
    if (!picked || rows.some((r) => r.id === picked)) return;
    const { household: h } = await call('registry.household', { householdId: picked });
    setRows((list) => [...list, { id: h.id, archiveNo: h.archiveNo, headName: h.headName, village: h.village, size: h.size }]);
    setPicked(null);
  };
  const save = async () => {
    try {
      await call('funds.setBeneficiaries', { projectId, householdIds: rows.map((r) => r.id) });
      void message.success(t('funds.saved'));
      onSaved();
    } catch (err) {
      void message.error(errorText(err, lang));
    }
  };

  return (
    <>
      {editable && (
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <HouseholdPicker label={t('funds.findHousehold')} value={picked} onChange={setPicked} style={{ width: 320 }} />
          <Button onClick={add} disabled={!picked}>{t('common.add')}</Button>
          <Button type="primary" onClick={save} disabled={!dirty}>{t('funds.saveBeneficiaries')}</Button>
        </Flex>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('registry.archiveNo'), dataIndex: 'archiveNo' },
          { title: t('registry.headName'), dataIndex: 'headName' },
          { title: t('registry.village'), dataIndex: 'village' },
          { title: t('registry.size'), dataIndex: 'size', align: 'right' },
          ...(editable ? [{
            title: t('funds.actions'), key: 'remove',
            render: (_: unknown, r: Beneficiary) => (
              <Button size="small" aria-label={`${t('common.remove')} ${r.archiveNo}`} onClick={() => setRows((list) => list.filter((x) => x.id !== r.id))}>{t('common.remove')}</Button>
            ),
          }] : []),
        ]}
      />
    </>
  );
}
