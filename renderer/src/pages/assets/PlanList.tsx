import { Button, Flex, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { navigate } from '../../app/router';
import { useAssetRoles } from './roles';
import { PlanTable } from './PlanTable';

/** 收益分配方案: every plan; preparing one starts here or on an asset. */
export function PlanList() {
  const { t } = useI18n();
  const roles = useAssetRoles();
  return (
    <section aria-labelledby="plans-title">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id="plans-title">{t('assets.nav.plans')}</Typography.Title>
        {roles.prepare && <Button type="primary" onClick={() => navigate('assets/plan/new')}>{t('assets.newPlan')}</Button>}
      </Flex>
      <PlanTable />
    </section>
  );
}
