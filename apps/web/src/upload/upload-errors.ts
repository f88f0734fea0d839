import { problemSchema } from "@/lib/api/problem";

// What went wrong with an upload, in a sentence for the person uploading. The server's refusals are
// problem documents (their `detail` is written for people); anything else is the connection.

type TusLikeError = Error & {
  originalResponse?: { getStatus(): number; getBody(): string } | null;
};

export function describeUploadError(error: unknown): { message: string; retryable: boolean } {
  const response = (error as TusLikeError | null)?.originalResponse;
  if (response) {
    // (a tus-js-client DetailedError, or a fetch answer wrapped the same way)
    const status = response.getStatus();
    let detail: string | null = null;
    try {
      const parsed = problemSchema.safeParse(JSON.parse(response.getBody()));
      if (parsed.success) detail = parsed.data.detail;
    } catch {
      // Not a problem document (a proxy's error page, or tus's own plain text).
    }
    if (detail) return { message: detail, retryable: status >= 500 };
    if (status === 404 || status === 410) {
      return {
        message: "Tessera no longer has this upload. Choose the file again to start over.",
        retryable: false,
      };
    }
    return {
      message: `Tessera refused the upload (error ${status}). Try again in a moment.`,
      retryable: status >= 500 || status === 409 || status === 423,
    };
  }
  return {
    message: "The connection to Tessera dropped. What arrived is kept: press Resume to continue from there.",
    retryable: true,
  };
}
