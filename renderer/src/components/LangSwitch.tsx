import { Segmented } from 'antd';
import { setLang, useI18n } from '../i18n';

export function LangSwitch() {
  const { t, lang } = useI18n();
  return (
    <Segmented
      aria-label={t('common.language')}
      value={lang}
      onChange={(v) => setLang(v as 'zh' | 'en')}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
