import { SourcesPage } from './SourcesPage';
import { ProjectList } from './ProjectList';
import { ProjectForm } from './ProjectForm';
import { ProjectDetail } from './ProjectDetail';
import { VoucherList } from './VoucherList';
import { VoucherForm } from './VoucherForm';
import { VoucherDetail } from './VoucherDetail';
import { ReportsPage } from './ReportsPage';
import { AccountsPage } from './AccountsPage';
import { PeriodsPage } from './PeriodsPage';

/** The funds sub-menu, for the shell's navigation. */
export function fundsNavItems(t: (key: string) => string) {
  return ['sources', 'projects', 'vouchers', 'reports', 'accounts', 'periods'].map((k) => ({ key: `funds/${k}`, label: t(`funds.nav.${k}`) }));
}

/**
 * #/funds/… routes: sources, projects, project/new, project/:id, project/:id/edit, vouchers,
 * voucher/new, voucher/:id, voucher/:id/edit, reports, accounts, periods.
 */
export function FundsRoutes({ path }: { path: string[] }) {
  const [sub, arg, action] = path;
  const id = Number(arg);
  switch (sub) {
    case 'projects': return <ProjectList />;
    case 'project':
      if (arg === 'new') return <ProjectForm />;
      return action === 'edit' ? <ProjectForm projectId={id} key={id} /> : <ProjectDetail projectId={id} key={id} />;
    case 'vouchers': return <VoucherList />;
    case 'voucher':
      if (arg === 'new') return <VoucherForm key="new" />;
      return action === 'edit' ? <VoucherForm voucherId={id} key={`edit-${id}`} /> : <VoucherDetail voucherId={id} key={id} />;
    case 'reports': return <ReportsPage />;
    case 'accounts': return <AccountsPage />;
    case 'periods': return <PeriodsPage />;
    default: return <SourcesPage />;
  }
}
