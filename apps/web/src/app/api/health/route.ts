import { connection } from "next/server";
import { checkHealth } from "@/server/health";

/** Liveness for the dev orchestrator and load balancers: 200 when the database answers, else 503. */
export async function GET(): Promise<Response> {
  await connection();
  const health = await checkHealth();
  return Response.json(health, {
    status: health.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
