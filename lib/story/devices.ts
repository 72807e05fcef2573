/** Short, human names for the generator's five user agents (DESIGN §3), for chart labels. */
export function deviceName(userAgent: string): string {
  if (userAgent.includes("iPhone")) return "iPhone app";
  if (userAgent.includes("Android")) return "Android phone";
  if (userAgent.includes("Edg/")) return "Edge on Windows 10";
  if (userAgent.includes("Windows NT 6.1")) return "Chrome on Windows 7";
  if (userAgent.includes("Macintosh")) return "Safari on macOS";
  return userAgent.length > 32 ? `${userAgent.slice(0, 30)}…` : userAgent;
}
