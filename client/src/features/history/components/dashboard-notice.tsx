import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api } from "../../../lib/api-client";
import type { Role } from "../../../lib/session";
import { useUnread } from "../api/history";

/** Candidates: unread comments and overrides from mentors. Mentors: how many answers wait in the review queue. */
export function DashboardNotice({ role }: { role: Role }) {
  const unread = useUnread(role === "candidate");
  const queue = useQuery({
    queryKey: ["review", "queue-size"],
    queryFn: ({ signal }) => api.get<{ total: number }>("/api/review/queue?limit=1", signal),
    enabled: role === "mentor",
  });
  if (role === "candidate" && unread.data && unread.data.total > 0) {
    const { comments, overrides } = unread.data;
    const parts = [comments && `${comments} new comment${comments === 1 ? "" : "s"}`, overrides && `${overrides} grade change${overrides === 1 ? "" : "s"}`].filter(Boolean);
    return (
      <p className="banner banner-info" data-testid="unread-notice">
        Your mentor left {parts.join(" and ")}. <Link to="/history">See your history</Link>
      </p>
    );
  }
  if (role === "mentor" && queue.data)
    return (
      <p className="banner banner-info" data-testid="queue-notice">
        {queue.data.total === 0 ? "Your review queue is empty." : `${queue.data.total} answer${queue.data.total === 1 ? "" : "s"} waiting for review.`}{" "}
        <Link to="/mentor/queue">Open the review queue</Link>
      </p>
    );
  return null;
}


