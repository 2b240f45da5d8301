import { useState } from 'react';
import { Flex } from 'antd';
import { useCall } from '../../../app/useCall';
import { ExportButton } from '../ExportButton';
import { YearSelect } from '../YearSelect';
import { SourceExecutionTable } from '../SourceExecutionTable';

export function SourceExecutionReport() {
  const [year, setYear] = useState<number | undefined>(new Date().getFullYear());
  const { data, loading } = useCall('funds.sourceExecution', { year });
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <YearSelect value={year} onChange={setYear} />
        <ExportButton request={{ report: 'sourceExecution', params: { year } }} />
      </Flex>
      <SourceExecutionTable data={data} loading={loading} />
    </>
  );
}
