import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { errorText } from '../../components/errors';
import { useRegistryRoles } from './roles';

type Assignment = ApiOutput<'registry.householdCadres'>[number];
const today = () => new Date().toISOString().slice(0, 10);

/** The household's responsible cadres (帮扶责任人): current and past, assign and end. */
export function CadresPanel({ householdId }: { householdId: number }) {
  const { t, lang } = useI18n();
  const roles = useRegistryRoles();
  const { data, reload } = useCall('registry.householdCadres', { householdId });
  const [q, setQ] = useState('');
  const options = useCall('registry.cadres', roles.write ? { q, limit: 50 } : null);
  const [cadreId, setCadreId] = useState<number | undefined>();
  const [date, setDate] = useState(today());
  const [error, setError] = useState<string | null>(null);

  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      reload();
    } catch (err) {
      setError(errorText(err, lang));
    }
  };

  return (
    <Card size="small" title={t('reg.cadres.title')} extra={<a href="#/registry/cadres">{t('reg.cadres.directory')}</a>}>
      {roles.write && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            aria-label={t('reg.cadres.pick')}
            placeholder={t('reg.cadres.pick')}
            value={cadreId}
            onChange={setCadreId}
            options={(options.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.name} · ${c.unit} · ${c.phone}` }))}
            style={{ minWidth: 320 }}
          />
          <Input type="date" aria-label={t('reg.cadres.from')} value={date} onChange={(e) => setDate(e.target.value)} style={{ width: 160 }} />
          <Button type="primary" disabled={!cadreId || !date} onClick={() => run(() => call('registry.assignCadre', { householdId, cadreId: cadreId!, fromDate: date }))}>
            {t('reg.cadres.assign')}
          </Button>
        </Flex>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data ?? []}
        columns={[
          { title: t('registry.name'), dataIndex: 'name', render: (v: string, a: Assignment) => <>{v}{!a.toDate && <Tag color="green" style={{ marginLeft: 6 }}>{t('reg.cadres.current')}</Tag>}</> },
          { title: t('reg.cadres.unit'), dataIndex: 'unit' },
          { title: t('reg.cadres.post'), dataIndex: 'post' },
          { title: t('registry.phone'), dataIndex: 'phone' },
          { title: t('reg.cadres.from'), dataIndex: 'fromDate' },
          { title: t('reg.cadres.to'), dataIndex: 'toDate' },
          ...(roles.write ? [{
            title: '', key: 'end',
            render: (_: unknown, a: Assignment) => !a.toDate && (
              <Button size="small" onClick={() => run(() => call('registry.endAssignment', { assignmentId: a.id, toDate: date }))} aria-label={`${t('reg.cadres.end')} ${a.name}`}>
                {t('reg.cadres.end')}
              </Button>
            ),
          }] : []),
        ]}
      />
    </Card>
  );
}
