import { useState } from 'react';
import { Alert, Form } from 'antd';
import { useI18n } from '../i18n';
import { errorText } from './errors';
import { showFieldErrors } from './formErrors';

/**
 * A form that saves through the ledger. `save` (the form's onFinish) runs `submit`, which also
 * does what follows a success (close, navigate); `busy` is true while it runs. A refusal is put on
 * the fields it names and its text in `error` (show it with {@link FormError}). `required` is the
 * rule of a field that must be filled.
 */
// V is given, not inferred from `submit`: without it the form is untyped (any), as antd's Form.useForm() is.
export function useLedgerForm<V = any>(submit: (values: NoInfer<V>) => Promise<unknown>) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (values: V) => {
    setError(null);
    setBusy(true);
    try {
      await submit(values);
    } catch (err) {
      showFieldErrors(form, err, lang);
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return { form, save, error, busy, required };
}

/** The refusal of a form's last save, above the form; nothing when there is none. */
export function FormError({ error, gap = 12 }: { error: string | null; gap?: number }) {
  return error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: gap }} /> : null;
}
