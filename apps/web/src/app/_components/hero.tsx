const PROMISES = [
  {
    title: "Open catalogue",
    text: "Any builder can publish; any clinic can compare cards, lineage and terms.",
  },
  {
    title: "Verifiable downloads",
    text: "The artifact's sha256 is on chain, so what you run is what was reviewed.",
  },
  { title: "Fair shares", text: "Data providers and co-authors are paid from every license, automatically." },
] as const;

export function Hero() {
  return (
    <section aria-labelledby="hero-title" className="border-b border-slate-200 dark:border-slate-800">
      <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6 sm:py-20">
        <p className="text-sm font-medium uppercase tracking-wider text-teal-700 dark:text-teal-400">
          Open marketplace for medical AI
        </p>
        <h1
          id="hero-title"
          className="mt-3 max-w-3xl text-4xl font-semibold tracking-tight text-balance sm:text-5xl"
        >
          Clinical AI that every clinic can license, verify and trust.
        </h1>
        <p className="mt-5 max-w-2xl text-lg leading-relaxed text-pretty text-slate-600 dark:text-slate-300">
          Tessera gives clinics of every size open, verifiable access to medical models and the datasets
          behind them. Licenses are bought with a wallet, and every version and payment is recorded on chain.
        </p>
        <search aria-label="Search the catalogue" className="mt-8 max-w-2xl">
          <form action="/explore" method="get" className="flex flex-col gap-2 sm:flex-row">
            <label htmlFor="hero-q" className="sr-only">
              Search models and datasets
            </label>
            <input
              id="hero-q"
              name="q"
              type="search"
              maxLength={200}
              placeholder="Search models and datasets, e.g. diabetic retinopathy"
              className="h-11 min-w-0 flex-1 rounded-full border-0 bg-white px-5 text-base text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
            />
            <button
              type="submit"
              className="h-11 rounded-full bg-teal-700 px-6 text-sm font-medium text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
            >
              Search
            </button>
          </form>
        </search>
        <dl className="mt-10 grid gap-6 sm:grid-cols-3">
          {PROMISES.map((promise) => (
            <div key={promise.title} className="border-l-2 border-teal-600/40 pl-4">
              <dt className="text-sm font-semibold">{promise.title}</dt>
              <dd className="mt-1 text-sm leading-relaxed text-slate-600 dark:text-slate-400">
                {promise.text}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
