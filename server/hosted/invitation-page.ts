/**
 * The page every route shows a visitor without a valid invitation. Self-contained HTML with no
 * app chrome, no scripts and no data: nothing on it depends on (or reveals) the running stack.
 */

export type InvitationPageReason = "missing" | "ended" | "unavailable";

const wording: Record<InvitationPageReason, { title: string; body: string }> = {
  missing: {
    title: "You need an invitation",
    body: "This FOMO demo is open by invitation. Open the invitation link you were sent, in this browser, and you will land right in the demo.",
  },
  ended: {
    title: "This invitation has ended",
    body: "The invitation link you used has expired or was withdrawn. Ask the person who sent it for a new one.",
  },
  unavailable: {
    title: "The demo is starting up",
    body: "We could not check your invitation just now. Please try again in a minute.",
  },
};

export function invitationPageHtml(reason: InvitationPageReason): string {
  const { title, body } = wording[reason];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · FOMO</title>
<style>
  :root { color-scheme: light dark; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; background: #f8fafc; color: #0f172a; }
  main { max-width: 34rem; padding: 2.5rem; margin: 1rem; border: 1px solid #e2e8f0; border-radius: 1rem; background: #fff; box-shadow: 0 1px 3px rgba(15, 23, 42, .06); }
  h1 { margin: 0 0 .75rem; font-size: 1.6rem; line-height: 1.25; }
  p { margin: 0 0 1rem; color: #334155; }
  .brand { font-weight: 700; letter-spacing: .08em; color: #4f46e5; font-size: .8rem; text-transform: uppercase; margin-bottom: 1.25rem; }
  @media (prefers-color-scheme: dark) {
    body { background: #0b1120; color: #e2e8f0; }
    main { background: #111827; border-color: #1f2937; }
    p { color: #cbd5e1; }
    .brand { color: #a5b4fc; }
  }
</style>
</head>
<body>
<main data-testid="invitation-required">
  <div class="brand">FOMO · query Kafka directly</div>
  <h1>${title}</h1>
  <p>${body}</p>
  <p>FOMO shows how analysts can query the data in Kafka directly and see more, and fresher, data than the warehouse.</p>
</main>
</body>
</html>`;
}
