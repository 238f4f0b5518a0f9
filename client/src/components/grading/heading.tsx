import type { ReactNode } from "react";
import type { HeadingLevel } from "./types";

/** The same result block sits under a page's h1 (practice) or under a per-question h2 (round results). */
export function Heading({ level, className, children }: { level: HeadingLevel; className?: string; children: ReactNode }) {
  const Tag = level === 2 ? "h2" : "h3";
  return <Tag className={className}>{children}</Tag>;
}
