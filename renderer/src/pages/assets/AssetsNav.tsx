import { Menu } from 'antd';
import { navigate } from '../../app/router';
import { useI18n } from '../../i18n';

const AREAS = ['register', 'shares', 'plans'] as const;
export type AssetsArea = (typeof AREAS)[number];

/** The assets area's own navigation: register, shares, distribution plans. */
export function AssetsNav({ current }: { current: AssetsArea }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('assets.nav.label')}>
      <Menu
        mode="horizontal"
        selectedKeys={[current]}
        items={AREAS.map((k) => ({ key: k, label: t(`assets.nav.${k}`) }))}
        onClick={({ key }) => navigate(key === 'register' ? 'assets' : `assets/${key}`)}
        style={{ marginBottom: 16 }}
      />
    </nav>
  );
}
