import { handleTusRequest } from "@/server/storage-tus";

// The tus endpoint for resumable artifact uploads (see server/storage-tus.ts). A Pages Router API
// route, not an App Router handler, so the bytes stay in Node streams (server/api/node-route.ts).
export const config = { api: { bodyParser: false, responseLimit: false, externalResolver: true } };

export default handleTusRequest;
