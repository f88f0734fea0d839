import { describe, expect, it } from "vitest";
import { addSample, bytesPerSecond, type SpeedSample, timeLeft } from "./upload-speed";

describe("upload speed", () => {
  it("measures over the last five seconds, not since the start", () => {
    let samples: SpeedSample[] = [];
    // 10 s at 1 MB/s, then 5 s at 4 MB/s.
    for (let t = 0; t <= 10_000; t += 500) samples = addSample(samples, { at: t, bytes: t * 1000 });
    for (let t = 10_500; t <= 15_000; t += 500)
      samples = addSample(samples, { at: t, bytes: 10_000_000 + (t - 10_000) * 4000 });
    expect(bytesPerSecond(samples)).toBe(4_000_000);
  });

  it("says nothing until a quarter second of samples exists", () => {
    expect(bytesPerSecond([])).toBeNull();
    expect(
      bytesPerSecond([
        { at: 0, bytes: 0 },
        { at: 200, bytes: 1000 },
      ]),
    ).toBeNull();
    expect(
      bytesPerSecond([
        { at: 0, bytes: 0 },
        { at: 500, bytes: 1000 },
      ]),
    ).toBe(2000);
  });

  it("words the time left", () => {
    expect(timeLeft(1000, null)).toBeNull();
    expect(timeLeft(1000, 0)).toBeNull();
    expect(timeLeft(100, 1000)).toBe("about 1 s left");
    expect(timeLeft(40_000, 1000)).toBe("about 40 s left");
    expect(timeLeft(150_000, 1000)).toBe("about 3 min left");
    expect(timeLeft(7_300_000, 1000)).toBe("about 2 h 2 min left");
  });
});
