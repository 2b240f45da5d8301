import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Flex, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useI18n } from '../../i18n';
import { useCall } from '../../app/useCall';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';

type BackupRow = ApiOutput<'backup.list'>['backups'][number];
type Check = ApiOutput<'backup.check'>;
type Status = ApiOutput<'backup.status'>;

const KIND_COLORS: Record<string, string> = { daily: 'blue', weekly: 'geekblue', manual: 'green', 'pre-restore': 'orange', 'pre-migration': 'purple' };

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Polls backup.status while a long call (backup.create, backup.restore) is under way, so the
 * progress bar moves while the call itself is still waiting for its answer.
 */
function useBackupProgress() {
  const [status, setStatus] = useState<Status>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const stop = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
    setStatus(null);
  }, []);
  const start = useCallback(() => {
    stop();
    timer.current = setInterval(() => {
      call('backup.status', {}).then(setStatus, () => {});
    }, 200);
  }, [stop]);
  useEffect(() => stop, [stop]);
  const percent = status && status.total > 0 ? Math.floor((status.done / status.total) * 100) : 0;
  return { start, stop, percent, running: status };
}

/** Administrators: the backups folder, a manual backup with progress, checking and restoring. */
export function Backups() {
  const { t, lang } = useI18n();
  const { user, refresh } = useSession();
  const { message, modal } = App.useApp();
  const isAdmin = user?.role === 'admin';
  const list = useCall('backup.list', isAdmin ? {} : null);
  const progress = useBackupProgress();
  const [busy, setBusy] = useState<'create' | 'restore' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Check | null>(null);
  const [confirming, setConfirming] = useState<BackupRow | null>(null);

  if (!isAdmin) return <Alert type="info" showIcon title={t('backups.adminOnly')} />;

  const createNow = async () => {
    setError(null);
    setBusy('create');
    progress.start();
    try {
      const info = await call('backup.create', {});
      void message.success(t('backups.created', { name: info.name }));
      list.reload();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      progress.stop();
      setBusy(null);
    }
  };

  const check = async (row: BackupRow) => {
    setError(null);
    setChecked(null);
    try {
      setChecked(await call('backup.check', { name: row.name }));
    } catch (err) {
      setError(errorText(err, lang));
    }
  };

  const restore = async (row: BackupRow) => {
    setConfirming(null);
    setError(null);
    setBusy('restore');
    progress.start();
    try {
      const result = await call('backup.restore', { name: row.name, confirm: true });
      modal.success({
        title: t('backups.restore'),
        content: t('backups.restored', { name: result.restored, pre: result.preRestore }),
        // Everyone was signed out: back to the sign-in screen.
        onOk: () => void refresh(),
      });
    } catch (err) {
      setError(errorText(err, lang));
      list.reload();
    } finally {
      progress.stop();
      setBusy(null);
    }
  };

  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  const data = list.data;

  return (
    <section aria-labelledby="backups-title">
      <Typography.Title level={3} id="backups-title">{t('backups.title')}</Typography.Title>
      {data && (
        <Typography.Paragraph type="secondary">
          {t('backups.policy', { daily: data.policy.daily, weekly: data.policy.weekly })}
          <br />
          {t('backups.folder')}: <Typography.Text code copyable>{data.folder}</Typography.Text>
        </Typography.Paragraph>
      )}

      <Flex gap={16} align="center" style={{ marginBottom: 16 }} wrap>
        <Button type="primary" onClick={createNow} loading={busy === 'create'} disabled={busy !== null}>
          {busy === 'create' ? t('backups.creating') : t('backups.createNow')}
        </Button>
        {busy && (
          <div style={{ minWidth: 280 }} aria-live="polite">
            <Typography.Text>{busy === 'create' ? t('backups.creating') : t('backups.restoring')}</Typography.Text>
            <Progress percent={progress.percent} status="active" aria-label={t('common.progress')} />
          </div>
        )}
      </Flex>

      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" closable onClose={() => setError(null)} />}
      {checked && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          closable
          onClose={() => setChecked(null)}
          type={checked.ok ? 'success' : 'error'}
          title={`${checked.name}: ${
            checked.ok
              ? t('backups.checkOk', { version: checked.schemaVersion, households: checked.households ?? 0, users: checked.users ?? 0 })
              : t('backups.checkBad') + checked.problems.map((p) => (lang === 'zh' ? p.zh : p.en)).join(lang === 'zh' ? '；' : '; ')
          }`}
        />
      )}

      <Table
        rowKey="name"
        size="middle"
        loading={list.loading}
        dataSource={data?.backups ?? []}
        locale={{ emptyText: t('backups.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('backups.at'), dataIndex: 'at', render: (v: string) => when(v), width: 200 },
          { title: t('backups.kind'), dataIndex: 'kind', width: 120, render: (k: string) => <Tag color={KIND_COLORS[k]}>{t(`backups.kinds.${k}`)}</Tag> },
          { title: t('backups.size'), dataIndex: 'bytes', width: 100, render: (b: number) => size(b) },
          { title: t('backups.name'), dataIndex: 'name', render: (n: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{n}</Typography.Text> },
          {
            title: t('backups.actions'),
            key: 'actions',
            width: 180,
            render: (_: unknown, row: BackupRow) => (
              <Space>
                <Button size="small" onClick={() => check(row)} disabled={busy !== null}>{t('backups.check')}</Button>
                <Button size="small" danger onClick={() => setConfirming(row)} disabled={busy !== null}>{t('backups.restore')}</Button>
              </Space>
            ),
          },
        ]}
      />

      <Modal
        open={confirming !== null}
        title={t('backups.restoreTitle')}
        okText={t('backups.restore')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onCancel={() => setConfirming(null)}
        onOk={() => confirming && restore(confirming)}
      >
        {confirming && (
          <>
            <Typography.Paragraph strong>{when(confirming.at)} · {t(`backups.kinds.${confirming.kind}`)} · {size(confirming.bytes)}</Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{confirming.name}</Typography.Paragraph>
            <Alert type="warning" showIcon title={t('backups.restoreWarn')} />
          </>
        )}
      </Modal>
    </section>
  );
}
