import type { RouteObject } from "react-router";
import { SignupRoute } from "../features/auth/routes/signup";
import { LoginRoute } from "../features/auth/routes/login";
import { MODES } from "../features/dashboard/modes";
import { ComingSoonRoute } from "../features/dashboard/routes/coming-soon";
import { DashboardRoute } from "../features/dashboard/routes/dashboard";
import { RedirectIfSignedIn, RequireSignedIn } from "./guards";
import { AppLayout } from "./layout";
import { NotFoundRoute } from "./routes/not-found";
import { RouteError } from "./routes/route-error";

/** Shared by main.tsx (browser history) and the tests (memory history). */
export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <RedirectIfSignedIn />,
        children: [
          { path: "/login", element: <LoginRoute /> },
          { path: "/signup", element: <SignupRoute /> },
        ],
      },
      {
        element: <RequireSignedIn />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <DashboardRoute /> },
              // Placeholders until each mode is built; a mode's own feature replaces its entry here.
              ...MODES.map((mode) => ({ path: mode.path, element: <ComingSoonRoute mode={mode} /> })),
            ],
          },
        ],
      },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
];
