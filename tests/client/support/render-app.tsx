import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider, type InitialEntry } from "react-router";
import { afterEach, vi } from "vitest";
import { AppProvider } from "../../../client/src/app/provider";
import { routes } from "../../../client/src/app/router";

// The client project doesn't enable vitest globals, so Testing Library can't register its own cleanup.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The real route table and providers, on in-memory history starting at `path` (a URL, or one with router state). */
export function renderApp(path: InitialEntry) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { router };
}

export function typeInto(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}
