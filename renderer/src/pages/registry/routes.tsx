import type { ReactNode } from 'react';
import { HouseholdList } from './HouseholdList';
import { HouseholdPage } from './HouseholdPage';
import { HouseholdForm } from './HouseholdForm';
import { VillageList } from './VillageList';
import { Incidence } from './Incidence';
import { ImportWizard } from './ImportWizard';
import { CareLists } from './CareLists';
import { CadresPage } from './CadresPage';
import { Approvals } from './Approvals';
import { RegistrySettings } from './RegistrySettings';

/** The registry sub-menu, for the shell's navigation. */
export function registryNavItems(t: (key: string) => string) {
  return [
    { key: 'registry/households', label: t('nav.households') },
    { key: 'registry/approvals', label: t('reg.approvals.title') },
    { key: 'registry/villages', label: t('nav.villages') },
    { key: 'registry/incidence', label: t('reg.incidence.title') },
    { key: 'registry/care', label: t('reg.care.title') },
    { key: 'registry/cadres', label: t('reg.cadres.directory') },
    { key: 'registry/import', label: t('reg.excel.title') },
    { key: 'registry/settings', label: t('reg.settings.title') },
  ];
}

/**
 * #/registry/… routes: households (default), household/:id[?tab=…], new, villages, incidence,
 * care, cadres, approvals, import, settings.
 */
export function registryPage(sub: string | undefined, arg: string | undefined): ReactNode {
  switch (sub) {
    case 'household': return arg ? <HouseholdPage householdId={Number(arg)} key={arg} /> : <HouseholdList />;
    case 'new': return <HouseholdForm />;
    case 'villages': return <VillageList />;
    case 'incidence': return <Incidence />;
    case 'care': return <CareLists />;
    case 'cadres': return <CadresPage />;
    case 'approvals': return <Approvals />;
    case 'import': return <ImportWizard />;
    case 'settings': return <RegistrySettings />;
    default: return <HouseholdList />;
  }
}
