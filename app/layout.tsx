import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The boot script sets the theme and presenter classes before first paint (no flash), so the
    // server-rendered class list may differ from the client's.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="min-h-screen bg-bg text-fg antialiased">{children}</body>
    </html>
  );
}
