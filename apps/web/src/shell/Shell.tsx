import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { healthQuery } from "../api/health.ts";

/** The console's frame: name, navigation, content and a footer with the server's version. */
export function Shell({ children }: { children: ReactNode }) {
  return (
    <div className="shell">
      <header className="shell-header">
        <a className="brand" href="/">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>Style Console</span>
        </a>
        <nav aria-label="Main" className="shell-nav">
          <a href="/" aria-current="page">
            Styles
          </a>
        </nav>
      </header>
      <main className="shell-main">{children}</main>
      <Footer />
    </div>
  );
}

function Footer() {
  const health = useQuery(healthQuery);
  let status: string;
  if (health.isPending) status = "Connecting…";
  else if (health.isError) status = "Server unreachable";
  else status = `Version ${health.data.version}`;
  return (
    <footer className="shell-footer">
      <span>Style Console</span>
      <span role="status" aria-label="Server status">
        {status}
      </span>
    </footer>
  );
}
