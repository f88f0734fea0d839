import { describe, expect, it } from "vitest";
import { type AuditRow, auditQuerySchema, toCsv } from "./audit";

const row: AuditRow = {
  time: "2026-11-27T00:00:00.000Z",
  kind: "purchase",
  licenseId: "1",
  assetId: "2",
  account: "0xabc",
  amount: "100",
  currency: "ETH",
  bytes: "",
  txHash: "0x01",
  blockNumber: "5",
  contentHash: "0x02",
  termsHash: "0x03",
};

describe("audit export", () => {
  it("writes RFC 4180 CSV with a header row", () => {
    expect(toCsv([row]).split("\r\n")).toEqual([
      "time,kind,licenseId,assetId,account,amount,currency,bytes,txHash,blockNumber,contentHash,termsHash",
      "2026-11-27T00:00:00.000Z,purchase,1,2,0xabc,100,ETH,,0x01,5,0x02,0x03",
      "",
    ]);
  });

  it("quotes separators and defuses spreadsheet formulas", () => {
    const line = toCsv([{ ...row, account: '=HYPERLINK("x")', currency: "a,b" }]).split("\r\n")[1];
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain('"a,b"');
  });

  it("reads the date filter and refuses a reversed or malformed one with a sentence", () => {
    expect(auditQuerySchema.parse({ from: "2026-01-01", to: "" })).toEqual({
      format: "csv",
      from: "2026-01-01",
    });
    const reversed = auditQuerySchema.safeParse({ from: "2026-02-01", to: "2026-01-01" });
    expect(reversed.success).toBe(false);
    expect(reversed.error?.issues[0]?.message).toMatch(/start date is after the end date/);
    expect(auditQuerySchema.safeParse({ from: "2026-13-45" }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ format: "xml" }).success).toBe(false);
  });
});
