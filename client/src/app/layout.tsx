import { useEffect, useRef } from "react";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { Brand } from "../components/ui/brand";
import { useLogout } from "../features/auth/api/logout";
import { modesFor } from "../features/dashboard/modes";
import { ROLE_LABELS, useCurrentUser } from "../lib/session";

export function AppLayout() {
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const mainRef = useFocusOnNavigation();
  const navListRef = useActiveLinkInView();

  return (
    <div>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="container app-header-bar">
          <Brand />
          <div className="account">
            <p className="account-who">
              <span className="visually-hidden">Signed in as </span>
              <span className="account-name">{user.displayName}</span>
              <span className="badge">{ROLE_LABELS[user.role]}</span>
            </p>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-disabled={logout.isPending || undefined}
              onClick={() => {
                if (logout.isPending) return;
                logout.mutate(undefined, { onSuccess: () => void navigate("/login", { replace: true }) });
              }}
            >
              Log out
            </button>
          </div>
        </div>
        <nav className="container app-nav" aria-label="Main">
          <ul ref={navListRef}>
            <li>
              <NavLink to="/" end>
                Home
              </NavLink>
            </li>
            {modesFor(user.role).map((mode) => (
              <li key={mode.path}>
                <NavLink to={mode.path}>{mode.navLabel}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {logout.isError && (
        <p className="container banner banner-error" role="alert">
          We couldn't log you out: {logout.error.message}
        </p>
      )}
      <main id="main" ref={mainRef} className="container app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

/**
 * On a phone the navigation is one row that scrolls sideways (styles.css): bring the current page's link into it,
 * on every page change and whenever the row changes width (a phone turned, a window narrowed to phone size).
 * Only the row scrolls, never the page.
 */
function useActiveLinkInView() {
  const ref = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();

  useEffect(() => {
    const list = ref.current;
    if (!list) return;
    const centre = () => {
      const active = list.querySelector<HTMLElement>("[aria-current='page']");
      if (!active || list.scrollWidth <= list.clientWidth) return;
      list.scrollLeft = active.offsetLeft - list.offsetLeft - (list.clientWidth - active.offsetWidth) / 2;
    };
    centre();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(centre);
    observer.observe(list);
    return () => observer.disconnect();
  }, [pathname]);

  return ref;
}

/** A client-side navigation gives screen readers no page load to announce, so move focus to the new content. */
function useFocusOnNavigation() {
  const ref = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // Start the new page at its top, as a page load would: otherwise the scroll position of a long form
    // carries over to the page it leads to (the start-round form into the round itself).
    window.scrollTo(0, 0);
    ref.current?.focus({ preventScroll: true });
  }, [pathname]);

  return ref;
}
