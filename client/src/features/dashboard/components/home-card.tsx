import { useId, type ReactNode } from "react";

/** One block of the home page: a titled region, so screen-reader users can jump between them. */
export function HomeCard({
  title,
  className = "",
  children,
}: {
  title: string;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={`card home-card ${className}`} aria-labelledby={id}>
      <h2 id={id} className="home-card-title">
        {title}
      </h2>
      {children}
    </section>
  );
}
