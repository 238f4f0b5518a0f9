import { Link } from "react-router";
import { CenteredLayout } from "../../components/ui/centered-layout";

export function NotFoundRoute() {
  return (
    <CenteredLayout>
      <title>Page not found · Watermark</title>
      <div className="card coming-soon">
        <h1>Page not found</h1>
        <p className="lede">There's nothing at this address. It may have moved, or the link may have a typo.</p>
        <Link to="/">Go to your dashboard</Link>
      </div>
    </CenteredLayout>
  );
}
