/**
 * Who the visitor of a hosted copy is: the id in their `fomo_visitor` cookie. A minimal stand-in
 * until the invitations land (they sign and verify this cookie); until then any well-formed id
 * names a visitor, which is all the per-visitor limits and pipeline stops need.
 */
export const HOSTED_VISITOR_COOKIE = "fomo_visitor";

const VISITOR_ID = /^[A-Za-z0-9._~-]{1,128}$/;

export function visitorIdFromCookieHeader(cookieHeader: string | null | undefined): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name !== HOSTED_VISITOR_COOKIE) continue;
    const id = value.join("=");
    return VISITOR_ID.test(id) ? id : undefined;
  }
  return undefined;
}
