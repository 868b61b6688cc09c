import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/error.ts";
import { I18nProvider } from "../i18n/I18nProvider.tsx";
import { PreviewFigure } from "./PreviewFigure.tsx";
import type { PreviewState } from "./usePreview.ts";

const failed = (retry?: () => void): PreviewState => ({
  shown: null,
  shownUrl: null,
  loading: false,
  error: new ApiError(502, "BadGateway", "OSS did not answer"),
  ...(retry ? { retry } : {}),
});

function figure(state: PreviewState, locale: "en" | "zh-CN" = "en") {
  return render(
    <I18nProvider locale={locale}>
      <PreviewFigure title="Original" alt="the original" state={state} zoom="fit" />
    </I18nProvider>,
  );
}

afterEach(cleanup);

describe("PreviewFigure", () => {
  it("offers a labelled Retry button beside a failure, which asks for the preview again", () => {
    const retry = vi.fn();
    figure(failed(retry));
    expect(screen.getByRole("alert").textContent).toMatch(/OSS did not answer/);
    fireEvent.click(screen.getByRole("button", { name: "Retry the preview “Original”" }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it("labels the button in Chinese too, and shows none when nothing can be retried", () => {
    figure(
      failed(() => {}),
      "zh-CN",
    );
    expect(screen.getByRole("button", { name: "重试“Original”预览" }).textContent).toBe("重试");
    cleanup();
    figure(failed());
    expect(screen.queryByRole("button")).toBeNull();
  });
});
