import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { navigate } from '../../app/router';
import { errorText } from '../../components/errors';
import { formatFen } from '../../../../db/rules/money';
import { Money } from '../../components/Money';
import { useAssetRoles } from './roles';
import { AgeTag } from './AgeTag';
import { CostTrace } from './CostTrace';
import { Inspections } from './Inspections';
import { DisposeForm } from './DisposeForm';
import { ShareTable } from './ShareTable';
import { ShareForm } from './ShareForm';
import { IncomeTable } from './IncomeTable';
import { IncomeForm } from './IncomeForm';
import { PlanTable } from './PlanTable';

type Dialog = 'dispose' | 'share' | 'income' | null;

/** One asset: particulars, cost trace, inspections, shares, income, plans and disposal. */
export function AssetDetail({ assetId }: { assetId: number }) {
  const { t, lang, label } = useI18n();
  const roles = useAssetRoles();
  const asset = useCall('assets.get', { assetId });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [generation, setGeneration] = useState(0);
  if (asset.error) return <Alert type="error" showIcon title={errorText(asset.error, lang)} />;
  const a = asset.data;
  if (!a) return null;
  const open = a.status !== 'disposed';
  const saved = () => {
    setDialog(null);
    setGeneration((n) => n + 1);
    asset.reload();
  };

  return (
    <article aria-labelledby="asset-title">
      <Flex justify="space-between" align="center" wrap>
        <Typography.Title level={3} id="asset-title">{a.code} · {a.name}</Typography.Title>
        <Space wrap>
          {roles.prepare && open && <Button onClick={() => setDialog('income')}>{t('assets.recordIncome')}</Button>}
          {roles.keep && open && <Button onClick={() => setDialog('share')}>{t('assets.addShare')}</Button>}
          {roles.prepare && open && <Button type="primary" onClick={() => navigate('assets/plan/new', { assetId: a.id })}>{t('assets.newPlan')}</Button>}
          {roles.keep && open && <Button onClick={() => navigate(`assets/asset/${a.id}/edit`)}>{t('common.edit')}</Button>}
          {roles.keep && open && <Button danger onClick={() => setDialog('dispose')}>{t('assets.dispose')}</Button>}
          <Button onClick={() => window.history.back()}>{t('common.back')}</Button>
        </Space>
      </Flex>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('assets.assetClass')}>{label('assetClass', a.assetClass)}</Descriptions.Item>
          <Descriptions.Item label={t('assets.category')}>{label('assetCategory', a.category)}</Descriptions.Item>
          <Descriptions.Item label={t('assets.status')}><Tag>{label('assetStatus', a.status)}</Tag></Descriptions.Item>
          <Descriptions.Item label={t('assets.ownership')}>{label('assetOwnership', a.ownership)}</Descriptions.Item>
          <Descriptions.Item label={t('assets.operator')}>{label('assetOperator', a.operator)} {a.operatorName}</Descriptions.Item>
          <Descriptions.Item label={t('registry.village')}>{a.village}</Descriptions.Item>
          <Descriptions.Item label={t('assets.location')}>{a.location}</Descriptions.Item>
          <Descriptions.Item label={t('assets.project')}>{a.projectCode ? `${a.projectCode} ${a.projectName}` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('assets.builtOn')}>{a.builtOn}</Descriptions.Item>
          <Descriptions.Item label={t('assets.cost')}><Money fen={a.costFen} strong /></Descriptions.Item>
          <Descriptions.Item label={t('assets.sharesInForce')}>{a.sharesInForce}</Descriptions.Item>
          <Descriptions.Item label={t('assets.undistributed')}>
            <Space><Money fen={a.undistributedFen} /><AgeTag days={a.undistributedDays} />{a.oldestUndistributedOn && t('assets.since', { date: a.oldestUndistributedOn })}</Space>
          </Descriptions.Item>
          {a.note && <Descriptions.Item label={t('assets.note')}>{a.note}</Descriptions.Item>}
        </Descriptions>
        {a.disposedOn && (
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('assets.disposedOn', { date: a.disposedOn })}
            description={`${t('assets.disposalMethod')}: ${a.disposalMethod} · ${t('assets.proceeds')}: ${formatFen(a.disposalProceedsFen ?? 0)} · ${t('assets.approval')}: ${a.disposalApproval} ${a.disposalNote}`} />
        )}
      </Card>
      <Card title={t('assets.costTrace')} style={{ marginBottom: 16 }}>
        <CostTrace asset={a} editable={roles.keep} onChanged={asset.reload} />
      </Card>
      <Card title={t('assets.shares')} style={{ marginBottom: 16 }}>
        <ShareTable assetId={a.id} key={`shares-${generation}`} />
      </Card>
      <Card title={t('assets.incomes')} style={{ marginBottom: 16 }}>
        <IncomeTable assetId={a.id} key={`incomes-${generation}`} />
      </Card>
      <Card title={t('assets.plans')} style={{ marginBottom: 16 }}>
        <PlanTable assetId={a.id} key={`plans-${generation}`} />
      </Card>
      <Card title={t('assets.inspections')}>
        <Inspections asset={a} editable={roles.keep} onChanged={asset.reload} />
      </Card>
      <DisposeForm open={dialog === 'dispose'} assetId={a.id} onClose={() => setDialog(null)} onSaved={saved} />
      <ShareForm open={dialog === 'share'} assetId={a.id} onClose={() => setDialog(null)} onSaved={saved} />
      <IncomeForm open={dialog === 'income'} assetId={a.id} onClose={() => setDialog(null)} onSaved={saved} />
    </article>
  );
}
