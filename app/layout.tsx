import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { themeBootScript } from "@/components/theme/theme-boot-script";
import "./globals.css";

export const metadata: Metadata = {
  title: "FOMO — query Kafka directly",
  description: "A guided, live demo: the data in Kafka is more, and fresher, than the warehouse your pipeline feeds.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The request gate (proxy.ts) puts this request's CSP nonce here; reading it renders every page
  // per request, which a nonce requires (a prebuilt page could not carry a fresh one).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The boot script sets the theme and presenter classes before first paint (no flash), so the
    // server-rendered class list may differ from the client's.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="min-h-screen bg-bg text-fg antialiased">{children}</body>
    </html>
  );
}
