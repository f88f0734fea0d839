// Class lists shared by the wizard's forms.
export const INPUT =
  "h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-600 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";
export const LABEL = "block text-sm font-medium text-slate-800 dark:text-slate-100";
export const HINT = "text-xs text-slate-600 dark:text-slate-400";
export const FIELD_ERROR = "text-sm text-red-700 dark:text-red-400";
export const BUTTON_PRIMARY =
  "inline-flex h-10 items-center rounded-full bg-teal-700 px-5 text-sm font-semibold text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600";
export const BUTTON_QUIET =
  "inline-flex h-10 items-center rounded-full px-4 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 disabled:cursor-not-allowed disabled:opacity-60 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800";
export const PANEL =
  "rounded-2xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-700 dark:bg-slate-900";
