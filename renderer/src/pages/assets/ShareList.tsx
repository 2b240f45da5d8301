import { Typography } from 'antd';
import { useI18n } from '../../i18n';
import { ShareTable } from './ShareTable';

/** Every share of every asset, with certificate numbers; a holder opens their statement. */
export function ShareList() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="shares-title">
      <Typography.Title level={3} id="shares-title">{t('assets.nav.shares')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('assets.sharesIntro')}</Typography.Paragraph>
      <ShareTable showAsset />
    </section>
  );
}
