import type { ReactNode } from "react";
import type { HeadingLevel } from "./types";

/** The same result block sits under a page's h1 (practice) or under a per-question heading (h3 in round results). */
export function Heading({
  level,
  className,
  children,
}: {
  level: HeadingLevel;
  className?: string;
  children: ReactNode;
}) {
  const Tag = `h${level}` as const;
  return <Tag className={className}>{children}</Tag>;
}
