// A DKFDS structured list: label and value per row, with a caption for screen readers.
import type { ReactNode } from 'react';

export interface Fact {
  /** Stable per row; also `data-field`, which the browser tests read. */
  key: string;
  label: string;
  value: ReactNode;
}

export function FactsTable({
  caption,
  rows,
  className,
}: {
  caption: string;
  rows: readonly Fact[];
  className?: string;
}) {
  return (
    <table className={className === undefined ? 'table structured-list' : `table structured-list ${className}`}>
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-field={row.key}>
            <th scope="row">{row.label}</th>
            <td>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
