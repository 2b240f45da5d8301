import { useState } from 'react';
import { Alert, Button, Flex, Input, Modal, Select, Table, Tag } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { errorText } from '../../components/errors';
import { codeLists } from '../../../../db/codes';
import { MemberForm } from './MemberForm';
import { useRegistryRoles } from './roles';

type Data = ApiOutput<'registry.household'>;
type Member = Data['members'][number];

/** Make another member the head; the former head needs a new relation. */
function ChangeHead({ member, onClose }: { member: Member; onClose: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const [relation, setRelation] = useState<string>('spouse');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await call('registry.changeHead', { memberId: member.id, formerHeadRelation: relation as never });
      onClose(true);
    } catch (err) {
      setError(errorText(err, lang));
    }
  };
  return (
    <Modal open title={t('reg.member.makeHead', { name: member.name })} onOk={save} onCancel={() => onClose(false)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      <p>{t('reg.member.formerHeadRelation')}</p>
      <Select aria-label={t('reg.member.formerHeadRelation')} value={relation} onChange={setRelation} style={{ width: '100%' }}
        options={codeLists.relation.filter((r) => r.code !== 'head').map((r) => ({ value: r.code, label: r[lang] }))} />
    </Modal>
  );
}

function RemoveMember({ member, onClose }: { member: Member; onClose: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await call('registry.removeMember', { memberId: member.id, reason });
      onClose(true);
    } catch (err) {
      setError(errorText(err, lang));
    }
  };
  return (
    <Modal open title={t('reg.member.removeTitle', { name: member.name })} onOk={save} okButtonProps={{ disabled: !reason.trim(), danger: true }} onCancel={() => onClose(false)} okText={t('common.remove')} cancelText={t('common.cancel')}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      <Input.TextArea aria-label={t('reg.member.removeReason')} placeholder={t('reg.member.removeReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
    </Modal>
  );
}

type Dialog = { kind: 'edit' | 'head' | 'remove'; member: Member } | { kind: 'add' } | null;

export function MembersPanel({ data, onChanged }: { data: Data; onChanged: () => void }) {
  const { t, label } = useI18n();
  const roles = useRegistryRoles();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = (saved: boolean) => {
    setDialog(null);
    if (saved) onChanged();
  };
  return (
    <>
      {roles.write && <Button style={{ marginBottom: 12 }} onClick={() => setDialog({ kind: 'add' })}>{t('registry.addMember')}</Button>}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.members}
        scroll={{ x: true }}
        rowClassName={(m) => (m.removed ? 'member-removed' : '')}
        columns={[
          {
            title: t('registry.name'), dataIndex: 'name',
            render: (v: string, m: Member) => <>{v}{m.deceased && <Tag style={{ marginLeft: 6 }}>{t('registry.deceased')}</Tag>}{m.removed && <Tag style={{ marginLeft: 6 }}>{t('reg.member.removed')}</Tag>}</>,
          },
          { title: t('registry.relation'), dataIndex: 'relation', render: (v: string) => label('relation', v) },
          { title: t('registry.idNumber'), dataIndex: 'idNumber' },
          { title: t('registry.sex'), dataIndex: 'sex', render: (v: string) => label('sex', v) },
          { title: t('registry.birthDate'), dataIndex: 'birthDate' },
          { title: t('registry.education'), dataIndex: 'education', render: (v: string | null) => label('education', v) },
          { title: t('registry.schoolStatus'), dataIndex: 'schoolStatus', render: (v: string | null) => label('schoolStatus', v) },
          { title: t('registry.health'), dataIndex: 'health', render: (v: string, m: Member) => `${label('health', v)}${m.disabilityCategory ? ` · ${label('disabilityCategory', m.disabilityCategory)} ${label('disabilityGrade', m.disabilityGrade)}` : ''}` },
          { title: t('registry.labourAbility'), dataIndex: 'labourAbility', render: (v: string | null) => label('labourAbility', v) },
          {
            title: t('registry.insurance'), key: 'ins',
            render: (_: unknown, m: Member) => [m.insBasicMedical && t('registry.basicMedical'), m.insCriticalIllness && t('registry.criticalIllness'), m.insBasicPension && t('registry.pension')].filter(Boolean).join('、'),
          },
          { title: t('registry.dibao'), dataIndex: 'dibao', render: (v: boolean, m: Member) => (v ? label('dibaoClass', m.dibaoClass) || t('common.yes') : '') },
          { title: t('registry.leftBehind'), dataIndex: 'leftBehind', render: (v: string | null) => label('leftBehind', v) },
          ...(roles.write ? [{
            title: '', key: 'actions', fixed: 'right' as const,
            render: (_: unknown, m: Member) => !m.removed && (
              <Flex gap={4}>
                <Button size="small" onClick={() => setDialog({ kind: 'edit', member: m })} aria-label={`${t('common.edit')} ${m.name}`}>{t('common.edit')}</Button>
                {m.relation !== 'head' && !m.deceased && <Button size="small" onClick={() => setDialog({ kind: 'head', member: m })} aria-label={`${t('reg.member.setHead')} ${m.name}`}>{t('reg.member.setHead')}</Button>}
                {m.relation !== 'head' && <Button size="small" danger onClick={() => setDialog({ kind: 'remove', member: m })} aria-label={`${t('common.remove')} ${m.name}`}>{t('common.remove')}</Button>}
              </Flex>
            ),
          }] : []),
        ]}
      />
      {dialog?.kind === 'add' && <MemberForm householdId={data.household.id} onClose={close} />}
      {dialog?.kind === 'edit' && <MemberForm householdId={data.household.id} member={dialog.member} onClose={close} />}
      {dialog?.kind === 'head' && <ChangeHead member={dialog.member} onClose={close} />}
      {dialog?.kind === 'remove' && <RemoveMember member={dialog.member} onClose={close} />}
    </>
  );
}
