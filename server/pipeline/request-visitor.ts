import type { FomoConfig } from "../config";
import { visitorIdFromCookieHeader } from "../hosted/visitor";
import type { QueryVisitor } from "../query/visitor-query-runner";
import { cookieValue, VISITOR_STOP_COOKIE, verifyVisitorStop, visitorStopSecret, type VisitorStop } from "./visitor-stop-cookie";

/** Everyone on a presenter's laptop is one visitor; hosted requests without a visitor share one too. */
export const LOCAL_VISITOR = "local";
export const ANONYMOUS_VISITOR = "anonymous";

export interface RequestVisitor {
  id: string;
  hosted: boolean;
  /** This visitor's own pipeline stop (hosted mode only; locally the real connector stops). */
  stop: VisitorStop | undefined;
}

export function visitorOfRequest(request: Request, config: Pick<FomoConfig, "hosted" | "visitorStop" | "stackDir">): RequestVisitor {
  if (!config.hosted.enabled) return { id: LOCAL_VISITOR, hosted: false, stop: undefined };
  const cookies = request.headers.get("cookie");
  const id = visitorIdFromCookieHeader(cookies) ?? ANONYMOUS_VISITOR;
  const stop = verifyVisitorStop(cookieValue(cookies, VISITOR_STOP_COOKIE), visitorStopSecret(config), id);
  return { id, hosted: true, stop };
}

export function queryVisitorOf(visitor: RequestVisitor): QueryVisitor {
  return visitor.stop ? { id: visitor.id, warehouseAsOfUnixSeconds: visitor.stop.asOfUnixSeconds } : { id: visitor.id };
}
