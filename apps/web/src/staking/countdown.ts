/** "6 days 23 hours", "3 hours 5 minutes", "under a minute": time left until `at`, by the chain's clock. */
export function timeLeft(now: Date, at: Date): string {
  const seconds = Math.max(0, Math.floor((at.getTime() - now.getTime()) / 1000));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (days > 0) return hours > 0 ? `${unit(days, "day")} ${unit(hours, "hour")}` : unit(days, "day");
  if (hours > 0)
    return minutes > 0 ? `${unit(hours, "hour")} ${unit(minutes, "minute")}` : unit(hours, "hour");
  return minutes > 0 ? unit(minutes, "minute") : "under a minute";
}

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** "4 Dec 2026, 14:03 UTC". */
export function formatDateTime(date: Date): string {
  return `${DATE_TIME.format(date)} UTC`;
}
