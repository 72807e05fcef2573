"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { usePreferences } from "@/lib/client/preferences-store";
import { IconButton } from "@/components/ui/icon-button";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Brand } from "./brand";

interface AppHeaderProps {
  center?: ReactNode;
  active: "home" | "story" | "lab";
  onHelp?: () => void;
  extra?: ReactNode;
}

const navLink = "rounded-lg px-2.5 py-1.5 text-sm font-medium transition hover:bg-surface-2 hover:text-fg";

/** The one top bar: brand, the page's centre piece, navigation and display toggles. */
export function AppHeader({ center, active, onHelp, extra }: AppHeaderProps) {
  const presenter = usePreferences((s) => s.presenter);
  const setPresenter = usePreferences((s) => s.setPresenter);
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-bg/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-[1840px] items-center gap-3 px-4 xl:px-6">
        <Brand />
        <div className="flex min-w-0 flex-1 justify-center">{center}</div>
        <nav aria-label="Main" className="flex items-center gap-0.5 text-muted">
          <Link
            prefetch={false}
            href="/story/0"
            className={`${navLink} ${active === "story" ? "text-fg" : ""}`}
            aria-current={active === "story" ? "page" : undefined}
          >
            Story
          </Link>
          <Link
            prefetch={false}
            href="/lab"
            className={`${navLink} ${active === "lab" ? "text-fg" : ""}`}
            aria-current={active === "lab" ? "page" : undefined}
          >
            SQL lab
          </Link>
          <Link prefetch={false} href="/kafka" className={navLink}>
            Kafka explorer
          </Link>
        </nav>
        <div className="flex items-center gap-0.5 border-l border-line pl-2">
          {extra}
          <IconButton
            label={presenter ? "Presenter mode: on (P)" : "Presenter mode: off (P)"}
            active={presenter}
            onClick={() => setPresenter(!presenter)}
            data-testid="presenter-toggle"
          >
            <rect x="3" y="4" width="18" height="12" rx="1.5" />
            <path d="M12 16v4M8 20h8M7 8h6M7 11h9" />
          </IconButton>
          <ThemeToggle />
          {onHelp && (
            <IconButton label="Keyboard shortcuts (?)" onClick={onHelp} data-testid="shortcuts-button">
              <circle cx="12" cy="12" r="9" />
              <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5v.4M12 17h.01" />
            </IconButton>
          )}
        </div>
      </div>
    </header>
  );
}
