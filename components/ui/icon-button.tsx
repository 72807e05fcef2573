import type { ButtonHTMLAttributes, ReactNode } from "react";

interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children"> {
  /** Accessible name, also shown as the tooltip. */
  label: string;
  /** SVG shapes drawn in a 24x24 stroke icon. */
  children: ReactNode;
  active?: boolean;
}

export function IconButton({ label, children, active, className = "", ...rest }: IconButtonProps) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={active}
      className={`inline-flex h-9 w-9 items-center justify-center rounded-lg border border-transparent text-muted transition hover:border-line hover:bg-surface-2 hover:text-fg ${active ? "bg-surface-2 text-fg" : ""} ${className}`}
      {...rest}
    >
      <svg
        viewBox="0 0 24 24"
        width="18"
        height="18"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        {children}
      </svg>
    </button>
  );
}
