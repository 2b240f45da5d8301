/**
 * The figures of a chart as a real table: read by screen readers, printable, and each row's first
 * cell a link to the list the figure counts.
 */
import type { CSSProperties, ReactNode } from 'react';

export interface FigureRow {
  key: string;
  label: string;
  /** Where the row's figure drills into; none for rows without a list. */
  href?: string;
  cells: ReactNode[];
}

/** Read out, not shown: the card's title already says it. */
const visuallyHidden: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };
const cell: CSSProperties = { padding: '3px 8px', borderBottom: '1px solid #f0f0f0', whiteSpace: 'nowrap' };
const num: CSSProperties = { ...cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' };

export function FigureTable({ caption, headers, rows, footer, testId }: {
  caption: string;
  /** Headers of the label column and then of each cell. */
  headers: string[];
  rows: FigureRow[];
  footer?: ReactNode[];
  testId?: string;
}) {
  return (
    <table data-testid={testId} style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
      <caption style={visuallyHidden}>{caption}</caption>
      <thead>
        <tr>
          {headers.map((h, i) => (
            <th key={h} scope="col" style={{ ...(i === 0 ? cell : num), background: '#fafafa', fontWeight: 600, textAlign: i === 0 ? 'left' : 'right' }}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" style={{ ...cell, fontWeight: 400, textAlign: 'left' }}>{r.href ? <a href={r.href}>{r.label}</a> : r.label}</th>
            {r.cells.map((c, i) => <td key={i} style={num}>{c}</td>)}
          </tr>
        ))}
      </tbody>
      {footer && (
        <tfoot>
          <tr>{footer.map((c, i) => (i === 0 ? <th key={i} scope="row" style={{ ...cell, textAlign: 'left' }}>{c}</th> : <td key={i} style={{ ...num, fontWeight: 600 }}>{c}</td>))}</tr>
        </tfoot>
      )}
    </table>
  );
}
