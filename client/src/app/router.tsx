import type { RouteObject } from "react-router";
import { SignupRoute } from "../features/auth/routes/signup";
import { LoginRoute } from "../features/auth/routes/login";
import { MODES } from "../features/dashboard/modes";
import { ComingSoonRoute } from "../features/dashboard/routes/coming-soon";
import { DashboardRoute } from "../features/dashboard/routes/dashboard";
import { CardsRoute } from "../features/flashcards/routes/cards";
import { CramRoute } from "../features/flashcards/routes/cram";
import { ReviewRoute } from "../features/flashcards/routes/review";
import { SettingsRoute } from "../features/flashcards/routes/settings";
import { StatsRoute } from "../features/flashcards/routes/stats";
import { HistoryRoute } from "../features/history/routes/history";
import { AgreementRoute } from "../features/mentor/routes/agreement";
import { AnswerPage } from "./routes/answer";
import { CandidateRoute } from "./routes/mentor/candidate";
import { CandidatesRoute } from "../features/mentor/routes/candidates";
import { QueueRoute } from "./routes/mentor/queue";
import { PracticeListRoute } from "../features/practice/routes/practice-list";
import { PracticeQuestionRoute } from "../features/practice/routes/practice-question";
import { RoundRoute } from "../features/rounds/routes/round";
import { RoundResultsRoute } from "../features/rounds/routes/round-results";
import { RoundsRoute } from "../features/rounds/routes/rounds";
import { RubricHealthRoute } from "../features/rubric/routes/rubric-health";
import { RedirectIfSignedIn, RequireRole, RequireSignedIn } from "./guards";
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
              { path: "/flashcards", element: <ReviewRoute /> },
              { path: "/flashcards/stats", element: <StatsRoute /> },
              { path: "/flashcards/settings", element: <SettingsRoute /> },
              { path: "/flashcards/cards", element: <CardsRoute /> },
              { path: "/flashcards/cram", element: <CramRoute /> },
              { path: "/practice", element: <PracticeListRoute /> },
              { path: "/practice/:slug", element: <PracticeQuestionRoute /> },
              { path: "/rounds", element: <RoundsRoute /> },
              { path: "/rounds/:id", element: <RoundRoute /> },
              { path: "/rounds/:id/results", element: <RoundResultsRoute /> },
              { path: "/history", element: <HistoryRoute /> },
              { path: "/answers/:id", element: <AnswerPage /> },
              {
                element: <RequireRole role="mentor" />,
                children: [
                  { path: "/mentor/candidates", element: <CandidatesRoute /> },
                  { path: "/mentor/candidates/:id", element: <CandidateRoute /> },
                  { path: "/mentor/queue", element: <QueueRoute /> },
                  { path: "/mentor/agreement", element: <AgreementRoute /> },
                  { path: "/mentor/rubric", element: <RubricHealthRoute /> },
                ],
              },
              // Placeholders until each mode is built; a built mode drops its comingSoon text and gets routes above.
              ...MODES.flatMap(({ comingSoon, ...mode }) =>
                comingSoon ? [{ path: mode.path, element: <ComingSoonRoute mode={{ ...mode, comingSoon }} /> }] : [],
              ),
            ],
          },
        ],
      },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
];
