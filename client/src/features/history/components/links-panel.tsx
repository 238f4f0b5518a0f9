import { LoadError, Loading } from "../../../components/ui/page-status";
import { formatDateTime } from "../../../lib/format-time";
import { useCreateInvite, useEndLink, useLinks } from "../api/history";

/** A candidate sees every mentor with access, can invite one and can end any link. */
export function LinksPanel() {
  const links = useLinks();
  const invite = useCreateInvite();
  const end = useEndLink();
  return (
    <section className="card links-panel" aria-labelledby="links-h">
      <h2 id="links-h">Mentors with access</h2>
      {links.isPending && <Loading>Loading your mentors…</Loading>}
      {links.isError && <LoadError what="your mentors" error={links.error} onRetry={() => void links.refetch()} />}
      {links.data && links.data.items.length === 0 && <p>No mentor can see your answers.</p>}
      {links.data && links.data.items.length > 0 && (
        <ul className="link-list">
          {links.data.items.map((l) => (
            <li key={l.id}>
              <span>
                <strong>{l.mentor.displayName}</strong> ({l.mentor.email}) · since {formatDateTime(l.createdAt)}
              </span>{" "}
              <button
                type="button"
                className="button button-secondary button-small"
                aria-disabled={end.isPending || undefined}
                onClick={() => end.mutate(l.id)}
              >
                Remove access<span className="visually-hidden"> for {l.mentor.displayName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p>
        <button
          type="button"
          className="button button-primary button-small"
          aria-disabled={invite.isPending || undefined}
          onClick={() => invite.mutate()}
        >
          {invite.isPending && <span className="spinner" aria-hidden="true" />}
          Invite a mentor
        </button>
      </p>
      <div role="status">
        {invite.data && (
          <p>
            Give your mentor this code: <code className="invite-code">{invite.data.code}</code> (single use, valid until{" "}
            {formatDateTime(invite.data.expiresAt)}).
          </p>
        )}
        {invite.isError && <p className="field-error">{invite.error.message}</p>}
      </div>
    </section>
  );
}
