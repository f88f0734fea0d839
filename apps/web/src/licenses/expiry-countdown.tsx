"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { expiryWords } from "@/lib/expiry";

const TICK_MS = 15_000;

/**
 * The expiry countdown, kept current while the page is open. It starts from the seconds left on the
 * chain's clock when the page was rendered and counts down by the time spent on the page since; when
 * it reaches expiry the page is fetched again, so the status and the Renew and Download controls
 * follow.
 */
export function ExpiryCountdown({ expiresAt, secondsLeft }: { expiresAt: string; secondsLeft: number }) {
  const router = useRouter();
  const [left, setLeft] = useState(secondsLeft);
  useEffect(() => {
    const start = Date.now();
    let refreshed = secondsLeft <= 0;
    setLeft(secondsLeft);
    const timer = setInterval(() => {
      const now = secondsLeft - Math.floor((Date.now() - start) / 1000);
      setLeft(now);
      if (now <= 0 && !refreshed) {
        refreshed = true;
        router.refresh();
      }
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [secondsLeft, router]);
  return <>{expiryWords(new Date(expiresAt), left)}</>;
}
