/**
 * The audit trail as files an auditor opens: a plain GET form (no script needed), so the browser
 * downloads the CSV or JSON the route handler streams.
 */
export function AuditExport() {
  return (
    <section
      className="mt-10 rounded-2xl p-5 ring-1 ring-slate-200 dark:ring-slate-800"
      aria-labelledby="audit-title"
    >
      <h2 id="audit-title" className="text-lg font-semibold">
        Audit trail
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Every purchase, renewal, seat change and download of your licenses, with transaction hashes, block
        times, content hashes and terms hashes. Leave the dates empty for everything.
      </p>
      <form action="/api/licenses/audit" method="get" className="mt-3 flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">From</span>
          <input
            type="date"
            name="from"
            className="mt-1 h-10 rounded-lg border border-slate-300 bg-white px-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">To (inclusive)</span>
          <input
            type="date"
            name="to"
            className="mt-1 h-10 rounded-lg border border-slate-300 bg-white px-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
          />
        </label>
        <button
          type="submit"
          name="format"
          value="csv"
          data-testid="audit-csv"
          className="h-10 rounded-full bg-slate-900 px-4 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900"
        >
          Download CSV
        </button>
        <button
          type="submit"
          name="format"
          value="json"
          className="h-10 rounded-full px-4 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-100 dark:ring-slate-600 dark:hover:bg-slate-800"
        >
          Download JSON
        </button>
      </form>
    </section>
  );
}
