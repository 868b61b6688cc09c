import { QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, RouterProvider } from "@tanstack/react-router";
import { render } from "@testing-library/react";
import { createQueryClient } from "../api/query-client.ts";
import { I18nProvider } from "../i18n/I18nProvider.tsx";
import type { Locale } from "../i18n/translate.ts";
import { createAppRouter } from "../router/router.tsx";
import { ToastProvider } from "../ui/toast.tsx";

/**
 * Renders the whole app at `path` with the real router (memory history), query client and providers,
 * as the browser does; the test fakes only `fetch`. Returns the router, to read or drive the location.
 */
export function renderRoute(path: string, { locale = "en" }: { locale?: Locale } = {}) {
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient, { history: createMemoryHistory({ initialEntries: [path] }) });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={locale}>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}
