import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { labelOf, type CodeListName, type Lang } from '../../../db/codes';
import { zh } from './zh';
import { en } from './en';

const STORAGE_KEY = 'county-ledger.lang';

export function savedLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'zh';
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: savedLang(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});

export function setLang(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(lang);
}

/** Translation plus the label of a stored code in the current language. */
export function useI18n() {
  const { t, i18n: inst } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'zh';
  const label = (list: CodeListName, code: string | null | undefined) => (code ? labelOf(list, code, lang) : '');
  return { t, lang, label };
}

export default i18n;
