import type { ReactNode } from "react";
import { CenteredLayout } from "../../../components/ui/centered-layout";

type AuthCardProps = {
  title: string;
  lede: string;
  /** The way across to the other auth page. */
  footer: ReactNode;
  children: ReactNode;
};

export function AuthCard({ title, lede, footer, children }: AuthCardProps) {
  return (
    <CenteredLayout>
      <title>{`${title} · Watermark`}</title>
      <div className="card auth-card">
        <h1>{title}</h1>
        <p className="lede">{lede}</p>
        {children}
        <p className="auth-card-footer">{footer}</p>
      </div>
    </CenteredLayout>
  );
}
