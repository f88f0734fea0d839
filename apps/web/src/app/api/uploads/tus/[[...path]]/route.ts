import { apiRoute } from "@/server/api/route";
import { handleTusRequest } from "@/server/storage-tus";

// The tus endpoint for resumable artifact uploads (see server/storage-tus.ts). apiRoute adds the
// same-site check and turns refusals into problem+json; the body is streamed by tus, never parsed.
const handler = apiRoute({}, ({ request }) => handleTusRequest(request));

export const POST = handler;
export const HEAD = handler;
export const PATCH = handler;
export const DELETE = handler;
export const OPTIONS = handler;
export const GET = handler;
