import { TableScroll } from "./table-scroll";

/**
 * A table of counts: what should have been (rows) against what was (columns). Cells where the two agree (the same
 * key) are marked right, every other non-zero cell wrong, so the eye finds the disagreements.
 */
export function ConfusionTable({
  label,
  corner,
  rows,
  columns,
  nameOf,
  count,
}: {
  /** The table's accessible name. */
  label: string;
  /** The corner cell, saying which way the axes run ("Called for ↓ / chose →"). */
  corner: string;
  rows: string[];
  columns: string[];
  nameOf: (key: string) => string;
  count: (row: string, column: string) => number;
}) {
  return (
    <TableScroll label={label}>
      <table className="data-table decision-matrix">
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {nameOf(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row}>
              <th scope="row">{nameOf(row)}</th>
              {columns.map((column) => {
                const n = count(row, column);
                return (
                  <td key={column} className={n === 0 ? "cell-empty" : row === column ? "cell-right" : "cell-wrong"}>
                    {n}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
