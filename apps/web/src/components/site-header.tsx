import Link from "next/link";
import { ConnectWallet } from "@/wallet/connect-wallet";
import { NavMenu } from "./nav-menu";
import { NAV } from "./site-nav";
import { TesseraMark } from "./tessera-mark";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200/80 bg-slate-50/85 backdrop-blur dark:border-slate-800/80 dark:bg-slate-950/85">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
        <div className="flex min-w-0 items-center gap-4 sm:gap-8">
          <Link
            href="/"
            className="flex items-center gap-2.5 rounded-md focus-visible:outline-2 focus-visible:outline-teal-600"
          >
            <TesseraMark className="size-7 text-teal-700 dark:text-teal-400" />
            <span className="text-lg font-semibold tracking-tight max-[400px]:sr-only">Tessera</span>
          </Link>
          <nav aria-label="Main">
            <div className="lg:hidden">
              <NavMenu />
            </div>
            <ul className="flex items-center gap-1 text-sm font-medium max-lg:hidden">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className="rounded-md px-2 py-1.5 text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-600 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <ConnectWallet />
      </div>
    </header>
  );
}
