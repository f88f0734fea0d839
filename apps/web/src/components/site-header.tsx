import Link from "next/link";
import { ConnectWallet } from "@/wallet/connect-wallet";
import { TesseraMark } from "./tessera-mark";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200/80 bg-slate-50/85 backdrop-blur dark:border-slate-800/80 dark:bg-slate-950/85">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <Link
          href="/"
          className="flex items-center gap-2.5 rounded-md focus-visible:outline-2 focus-visible:outline-teal-600"
        >
          <TesseraMark className="size-7 text-teal-700 dark:text-teal-400" />
          <span className="text-lg font-semibold tracking-tight max-[400px]:sr-only">Tessera</span>
        </Link>
        <ConnectWallet />
      </div>
    </header>
  );
}
