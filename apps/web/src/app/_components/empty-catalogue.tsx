import { TesseraMark } from "@/components/tessera-mark";

export function EmptyCatalogue() {
  return (
    <div
      data-testid="empty-catalogue"
      className="mt-6 flex flex-col items-center rounded-2xl border border-dashed border-slate-300 px-6 py-16 text-center dark:border-slate-700"
    >
      <TesseraMark className="size-10 text-slate-300 dark:text-slate-700" />
      <h3 className="mt-4 text-base font-semibold">No assets registered yet</h3>
      <p className="mt-2 max-w-md text-sm leading-relaxed text-slate-600 dark:text-slate-400">
        Models and datasets appear here as soon as their registration is confirmed on chain and indexed.
      </p>
    </div>
  );
}
