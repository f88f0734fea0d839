import { serveDownload } from "@/server/downloads-serve";

// A download link's bytes (see server/downloads-serve.ts). A Pages Router API route, not an App
// Router handler, so the file is piped to Node's socket directly (server/api/node-route.ts).
export const config = { api: { bodyParser: false, responseLimit: false, externalResolver: true } };

export default serveDownload;
