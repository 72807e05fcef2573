import Link from "next/link";

export function Brand() {
  return (
    <Link prefetch={false} href="/" className="flex items-center gap-2 rounded-lg pr-2 font-semibold tracking-tight" aria-label="FOMO home">
      <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
        <rect width="32" height="32" rx="8" className="fill-fg" />
        <circle cx="11" cy="16" r="4" fill="#94a3b8" />
        <circle cx="21" cy="16" r="5" fill="#fb923c" />
      </svg>
      <span className="text-body">FOMO</span>
    </Link>
  );
}
