import { Link } from "react-router";
import { CenteredLayout } from "../../components/ui/centered-layout";

/** What any address that leads nowhere shows, inside whichever layout the visitor is in. */
export function NotFoundCard() {
  return (
    <div className="card coming-soon">
      <title>Page not found · Watermark</title>
      <h1>Page not found</h1>
      <p className="lede">There's nothing at this address. It may have moved, or the link may have a typo.</p>
      <Link to="/">Go to your dashboard</Link>
    </div>
  );
}

export function NotFoundRoute() {
  return (
    <CenteredLayout>
      <NotFoundCard />
    </CenteredLayout>
  );
}
