"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Brand } from "@/components/layout/brand";
import { ThemeToggle } from "@/components/theme/theme-toggle";

const navLink = "rounded-lg px-2.5 py-1.5 text-sm font-medium transition hover:bg-surface-2 hover:text-fg";

/**
 * The explorer's top bar: the app's brand and theme toggle (one product, one look), the explorer's
 * own sections, and the way back to the story and the SQL workspace.
 */
export function ExplorerHeader() {
  const pathname = usePathname();
  const inGroups = pathname.startsWith("/kafka/groups");
  const inSchemas = pathname.startsWith("/kafka/schemas");
  const section = (active: boolean) => ({
    className: `${navLink} ${active ? "bg-surface-2 text-fg" : ""}`,
    "aria-current": active ? ("page" as const) : undefined,
  });
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-bg/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-[1800px] items-center gap-3 px-4 xl:px-6">
        <Brand />
        <span className="hidden text-sm font-semibold text-muted sm:inline">Kafka explorer</span>
        <nav aria-label="Explorer" className="flex items-center gap-0.5 text-muted">
          <Link prefetch={false} href="/kafka" {...section(!inGroups && !inSchemas)}>
            Topics
          </Link>
          <Link prefetch={false} href="/kafka/groups" {...section(inGroups)}>
            Consumer groups
          </Link>
          <Link prefetch={false} href="/kafka/schemas" {...section(inSchemas)}>
            Schemas
          </Link>
        </nav>
        <nav aria-label="Main" className="ml-auto flex items-center gap-0.5 text-muted">
          <Link prefetch={false} href="/story/0" className={navLink}>
            Story
          </Link>
          <Link prefetch={false} href="/lab" className={navLink}>
            SQL lab
          </Link>
        </nav>
        <div className="flex items-center gap-0.5 border-l border-line pl-2">
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
