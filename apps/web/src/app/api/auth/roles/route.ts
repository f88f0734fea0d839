import { connection } from "next/server";
import type { RolesResponse } from "@/lib/api/auth";
import { apiRoute } from "@/server/api/route";
import { currentSession } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { isArbiter, protocolRoles } from "@/server/roles";

/**
 * Which role pages to offer the signed-in account (the wallet menu links them). Asked of the chain on
 * each call, like the pages themselves: a role granted or revoked shows at the next sign-in or reload.
 */
export const GET = apiRoute({}, async () => {
  await connection();
  const session = await currentSession(db());
  const roles: RolesResponse["roles"] = [];
  if (session) {
    const [arbiter, protocol] = await Promise.all([
      isArbiter(session.address),
      protocolRoles(session.address),
    ]);
    if (arbiter) roles.push("arbiter");
    if (protocol.feeManager || protocol.pauser) roles.push("admin");
  }
  return Response.json({ roles } satisfies RolesResponse, { headers: { "cache-control": "no-store" } });
});
