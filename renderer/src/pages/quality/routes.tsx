import type { ReactNode } from 'react';
import { QualityChecks } from './QualityChecks';
import { DibaoWizard } from './DibaoWizard';
import { Packages } from './Packages';

/** The data quality and exchange sub-menu, for the shell's navigation. */
export function qualityNavItems(t: (key: string) => string) {
  return [
    { key: 'quality/checks', label: t('quality.checks') },
    { key: 'quality/dibao', label: t('quality.dibao') },
    { key: 'quality/packages', label: t('quality.packages') },
  ];
}

/** #/quality/checks (default), #/quality/dibao, #/quality/packages. */
export function qualityPage(sub: string | undefined): ReactNode {
  if (sub === 'dibao') return <DibaoWizard />;
  if (sub === 'packages') return <Packages />;
  return <QualityChecks />;
}
