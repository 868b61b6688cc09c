import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { bucketsQuery } from "./api/buckets.ts";
import { createQueryClient } from "./api/query-client.ts";
import { I18nProvider } from "./i18n/I18nProvider.tsx";
import { createAppRouter } from "./router/router.tsx";
import { signedInHint, takeFragment, takeSignInError } from "./session/fragment.ts";
import { ToastProvider } from "./ui/toast.tsx";
import "./css/base.css";
import "./css/table.css";
import "./css/editor.css";
import "./css/feedback.css";
import "./css/preview.css";
import "./css/builder.css";

// Before the first render, so the token never lingers in the address bar.
const link = takeFragment(window.location, window.history);
const ssoError = takeSignInError(window.location, window.history);
const queryClient = createQueryClient();
const router = createAppRouter(queryClient, { link, ssoError });

// No waterfall for a returning operator: the session check and the buckets start together (the open
// route's loader starts its own data). Skipped when signed out, where they could only answer 401.
if (signedInHint.get() && !link) void queryClient.prefetchQuery(bucketsQuery);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
