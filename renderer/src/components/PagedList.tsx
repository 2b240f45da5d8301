import { useState, type ReactNode } from 'react';
import { Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { navigate } from '../app/router';
import { useI18n } from '../i18n';

export interface ListPage {
  current: number;
  size: number;
}

/**
 * The filter and page of a paged list. Changing a filter goes back to the first page; `range` is
 * the offset and limit to load.
 */
export function usePagedFilter<F extends object>(initial: F) {
  const [filter, setFilter] = useState<F>(initial);
  const [page, setPage] = useState<ListPage>({ current: 1, size: 20 });
  const set = (change: Partial<F>) => {
    setFilter((f) => ({ ...f, ...change }));
    setPage((p) => ({ ...p, current: 1 }));
  };
  return { filter, set, page, setPage, range: { offset: (page.current - 1) * page.size, limit: page.size } };
}

/**
 * A titled list screen: a "new" button for those who may create, a bar of filters, and a paged
 * table whose rows open (double-click) at `rowPath`.
 */
export function PagedList<Row extends { id: number }>({
  titleId, title, create, filters, data, loading, page, onPage, rowPath, columns, scrollX = false,
}: {
  /** Id of the heading that labels the section. */
  titleId: string;
  title: ReactNode;
  /** The primary button to a new record; leave out when the user may not create one. */
  create?: { label: ReactNode; path: string };
  filters: ReactNode;
  data: { rows: Row[]; total: number } | null;
  loading: boolean;
  page: ListPage;
  onPage: (page: ListPage) => void;
  rowPath: (row: Row) => string;
  columns: TableColumnsType<Row>;
  scrollX?: boolean;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={titleId}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} id={titleId}>{title}</Typography.Title>
        {create && <Button type="primary" onClick={() => navigate(create.path)}>{create.label}</Button>}
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>{filters}</Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.rows ?? []}
        scroll={scrollX ? { x: true } : undefined}
        pagination={{ current: page.current, pageSize: page.size, total: data?.total ?? 0, showTotal: (count) => t('common.total', { count }), onChange: (current, size) => onPage({ current, size }) }}
        onRow={(r) => ({ onDoubleClick: () => navigate(rowPath(r)) })}
        columns={columns}
      />
    </section>
  );
}
