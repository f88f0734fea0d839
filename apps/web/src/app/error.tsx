"use client";

// Shown when a page fails to render, most often because the database is unreachable.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <div role="alert" className="mx-auto max-w-xl px-4 py-24 text-center sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight">The marketplace is unavailable right now</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">
        Tessera could not load its catalogue. This usually means the database is not reachable; try again in a
        moment.
      </p>
      {digest ? <p className="mt-2 font-mono text-xs text-slate-500">Reference: {digest}</p> : null}
      <button
        type="button"
        onClick={retry}
        className="mt-6 inline-flex h-9 items-center rounded-full bg-slate-900 px-4 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 dark:bg-white dark:text-slate-900"
      >
        Try again
      </button>
    </div>
  );
}
