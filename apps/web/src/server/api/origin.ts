import "server-only";

/** The site as the browser sees it: host and origin, honouring a reverse proxy's forwarded headers. */
export function siteOf(request: Request): { host: string; origin: string; secure: boolean } {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = (request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", ""))
    .split(",")[0]
    ?.trim();
  const secure = proto === "https";
  return { host, origin: `${secure ? "https" : "http"}://${host}`, secure };
}
