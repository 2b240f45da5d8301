import { Tabs, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { navigate, useRoute } from '../../app/router';
import { TrialBalanceReport } from './reports/TrialBalanceReport';
import { SourceExecutionReport } from './reports/SourceExecutionReport';
import { ProjectRegisterReport } from './reports/ProjectRegisterReport';
import { VillageSummaryReport } from './reports/VillageSummaryReport';
import { BenefitsReport } from './reports/BenefitsReport';
import { JournalReport } from './reports/JournalReport';
import { LedgerReport } from './reports/LedgerReport';

const REPORTS = {
  trialBalance: TrialBalanceReport,
  sourceExecution: SourceExecutionReport,
  projectRegister: ProjectRegisterReport,
  villageSummary: VillageSummaryReport,
  benefits: BenefitsReport,
  journal: JournalReport,
  ledger: LedgerReport,
} as const;

/** 账表: every funds report in a tab; the tab is in the address so a report can be linked. */
export function ReportsPage() {
  const { t } = useI18n();
  const { params } = useRoute();
  const active = params.get('tab') ?? 'trialBalance';
  return (
    <section aria-labelledby="reports-title">
      <Typography.Title level={3} id="reports-title">{t('funds.nav.reports')}</Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(tab) => navigate('funds/reports', { tab })}
        destroyOnHidden
        items={Object.entries(REPORTS).map(([key, Report]) => ({ key, label: t(`funds.report.${key}`), children: <Report /> }))}
      />
    </section>
  );
}
