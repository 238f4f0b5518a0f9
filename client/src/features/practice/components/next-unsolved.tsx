import { Link } from "react-router";
import { sectionLabel, type Section } from "../../../lib/questions";
import { useNextUnsolved } from "../hooks/use-next-unsolved";

/** Where to go to keep working through one section; `search` keeps the list's filters for "All questions". */
export function NextUnsolved({ slug, section, search }: { slug: string; section: Section; search: string }) {
  const next = useNextUnsolved(slug, section);
  if (next === undefined) return null;
  return (
    <p className="next-unsolved">
      {next ? (
        <Link to={`/practice/${encodeURIComponent(next)}${search}`}>Next unsolved in this section</Link>
      ) : (
        `You've solved every other question in ${sectionLabel(section)}.`
      )}
    </p>
  );
}
