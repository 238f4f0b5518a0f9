import type { ReactNode } from "react";
import { Brand } from "./brand";
import "./centered-layout.css";

/** The signed-out shell: just the product name above one centred column. */
export function CenteredLayout({ children }: { children: ReactNode }) {
  return (
    <div className="centered-layout">
      <header className="centered-header">
        <Brand />
      </header>
      <main id="main" className="centered-main">
        {children}
      </main>
    </div>
  );
}
