import type { ReactNode } from 'react';
import { useRoute } from '../../app/router';
import { AssetsNav, type AssetsArea } from './AssetsNav';
import { AssetList } from './AssetList';
import { AssetForm } from './AssetForm';
import { AssetDetail } from './AssetDetail';
import { ShareList } from './ShareList';
import { PlanList } from './PlanList';
import { PlanForm } from './PlanForm';
import { PlanDetail } from './PlanDetail';
import { Statement } from './Statement';

/**
 * #/assets/… routes: (register), new, asset/:id, asset/:id/edit, shares, plans, plan/new?assetId=,
 * plan/:id, statement?householdId= | ?villageId=.
 */
export function AssetsRoutes({ path }: { path: string[] }) {
  const { params } = useRoute();
  const [sub, arg, action] = path;
  const id = Number(arg);
  const num = (name: string) => (params.get(name) ? Number(params.get(name)) : undefined);
  let area: AssetsArea = 'register';
  let page: ReactNode;
  switch (sub) {
    case 'new': page = <AssetForm key="new" />; break;
    case 'asset': page = action === 'edit' ? <AssetForm assetId={id} key={`edit-${id}`} /> : <AssetDetail assetId={id} key={id} />; break;
    case 'shares': area = 'shares'; page = <ShareList />; break;
    case 'plans': area = 'plans'; page = <PlanList />; break;
    case 'plan':
      area = 'plans';
      page = arg === 'new' ? <PlanForm assetId={num('assetId')} key={`new-${num('assetId')}`} /> : <PlanDetail planId={id} key={id} />;
      break;
    case 'statement': area = 'shares'; page = <Statement householdId={num('householdId')} villageId={num('villageId')} key={params.toString()} />; break;
    default: page = <AssetList />;
  }
  return (
    <>
      <AssetsNav current={area} />
      {page}
    </>
  );
}
