import type { ReactNode } from "react";
import "./table-scroll.css";

/**
 * A table that can be wider than a phone scrolls sideways inside this region. The region is focusable so keyboard
 * users can scroll it too, and named so a screen reader says what it holds; the edge shadows show there is more.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
