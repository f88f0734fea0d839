"use client";

import { POPOVER } from "./styles";

/** A dismissable message under the wallet control (why connecting or signing in did not work). */
export function WalletNotice({
  testId,
  message,
  onDismiss,
}: {
  testId: string;
  message: string;
  onDismiss: () => void;
}) {
  return (
    <div role="alert" data-testid={testId} className={`${POPOVER} flex items-start gap-3 p-4 text-sm`}>
      <p className="text-slate-700 dark:text-slate-200">{message}</p>
      <button
        type="button"
        onClick={onDismiss}
        className="-m-1 rounded p-1 text-slate-500 hover:text-slate-900 dark:hover:text-white"
        aria-label="Dismiss"
      >
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
