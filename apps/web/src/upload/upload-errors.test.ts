import { describe, expect, it } from "vitest";
import { describeUploadError } from "./upload-errors";

const withResponse = (status: number, body: string) =>
  Object.assign(new Error("tus: unexpected response"), {
    originalResponse: { getStatus: () => status, getBody: () => body },
  });

describe("describeUploadError", () => {
  it("shows the server's sentence from a problem document", () => {
    const body = JSON.stringify({
      type: "about:blank",
      title: "Request too large",
      status: 413,
      detail: "This file is 25 GB; Tessera accepts files up to 21.5 GB per upload.",
      code: "UPLOAD_TOO_LARGE",
    });
    expect(describeUploadError(withResponse(413, body))).toEqual({
      message: "This file is 25 GB; Tessera accepts files up to 21.5 GB per upload.",
      retryable: false,
    });
  });

  it("words a gone upload and an unexpected status", () => {
    expect(describeUploadError(withResponse(404, "Not found")).message).toMatch(/Choose the file again/);
    expect(describeUploadError(withResponse(502, "<html>")).retryable).toBe(true);
  });

  it("treats no response as a dropped connection that can resume", () => {
    expect(describeUploadError(new Error("network"))).toEqual({
      message: expect.stringMatching(/press Resume/),
      retryable: true,
    });
  });
});
