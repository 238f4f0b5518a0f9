import { Link } from "react-router";

export function Brand() {
  return (
    <Link to="/" className="brand">
      <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path
          d="M6 19c3.3 0 3.3-3 6.7-3s3.3 3 6.6 3 3.4-3 6.7-3"
          fill="none"
          stroke="#fff"
          strokeWidth="2.5"
          strokeLinecap="round"
        />
        <path
          d="M6 24c3.3 0 3.3-3 6.7-3s3.3 3 6.6 3 3.4-3 6.7-3"
          fill="none"
          stroke="#9fd3df"
          strokeWidth="2.5"
          strokeLinecap="round"
        />
        <path d="M16 6v6" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      Watermark
    </Link>
  );
}
