import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { keys } from "../../api/keys.ts";
import { invalidateStyleLists, type Style } from "../../api/styles.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Dialog } from "../../ui/Dialog.tsx";
import { isRecentlyUsed, type UsageIndex, usageOf } from "../list/usage.ts";
import { deleteStyleVersion } from "./api.ts";
import { type DialogKey, useDialogText } from "./messages.ts";
import { applyPlan, type ItemStatus } from "./plan.ts";
import { LastUsedCell, RequestsCell } from "./UsageLine.tsx";

const statusKeys: Record<ItemStatus["state"], DialogKey> = {
  planned: "bulk.status.planned",
  deleting: "bulk.status.deleting",
  deleted: "bulk.status.deleted",
  changed: "bulk.status.changed",
  gone: "bulk.status.gone",
  failed: "bulk.status.failed",
  skipped: "bulk.status.skipped",
};

/**
 * Bulk delete through a plan (issue 16): the dialog first names every style that will go, with its
 * use (issue 13), then deletes them one by one through the ordinary, audited delete, each only in the
 * version shown (a style saved meanwhile is kept), with progress and a status per style. A plan holding
 * styles used in the last 7 days needs their count typed.
 */
export function BulkDeleteDialog({
  bucket,
  styles,
  usage,
  onClose,
  onDeleted,
}: {
  bucket: string;
  /** The plan; null when closed. */
  styles: readonly Style[] | null;
  usage: UsageIndex;
  onClose: () => void;
  /** After the run, with the names that no longer exist. */
  onDeleted: (names: string[]) => void;
}) {
  const d = useDialogText();
  const stop = useRef(false);
  const [running, setRunning] = useState(false);
  return (
    <Dialog
      open={styles !== null}
      wide
      title={d("bulk.title", { count: styles?.length ?? 0 })}
      // Escape while deleting means "stop": the current delete finishes, nothing after it starts.
      onClose={() => {
        if (running) stop.current = true;
        else onClose();
      }}
    >
      {styles ? (
        <BulkBody
          bucket={bucket}
          styles={styles}
          usage={usage}
          stop={stop}
          onRunning={setRunning}
          onClose={onClose}
          onDeleted={onDeleted}
        />
      ) : null}
    </Dialog>
  );
}

function BulkBody({
  bucket,
  styles,
  usage,
  stop,
  onRunning,
  onClose,
  onDeleted,
}: {
  bucket: string;
  styles: readonly Style[];
  usage: UsageIndex;
  stop: { current: boolean };
  onRunning: (running: boolean) => void;
  onClose: () => void;
  onDeleted: (names: string[]) => void;
}) {
  const { t } = useI18n();
  const d = useDialogText();
  const client = useQueryClient();
  const now = new Date();
  const [statuses, setStatuses] = useState<ReadonlyMap<string, ItemStatus>>(new Map());
  const [phase, setPhase] = useState<"plan" | "running" | "done">("plan");
  const [summary, setSummary] = useState<{ deleted: number; kept: number } | null>(null);
  const [typed, setTyped] = useState("");
  const typedId = useId();
  const recent = styles.filter((s) => isRecentlyUsed(usageOf(usage, s.name), now.getTime())).length;
  const confirmed = recent === 0 || typed.trim() === String(recent);
  const closeRef = useRef<HTMLButtonElement>(null);
  // The Stop button the focus was on is gone when the run ends: Close takes the focus.
  useEffect(() => {
    if (phase === "done") closeRef.current?.focus();
  }, [phase]);
  const done = [...statuses.values()].filter((s) => s.state === "deleted" || s.state === "gone").length;

  async function run() {
    stop.current = false;
    setPhase("running");
    onRunning(true);
    const outcome = await applyPlan(
      styles,
      (item) => deleteStyleVersion(bucket, item.name, item.lastModifyTime),
      (name, status) => setStatuses((prev) => new Map(prev).set(name, status)),
      () => stop.current,
    );
    for (const name of outcome.deleted)
      client.removeQueries({ queryKey: keys.style(bucket, name), exact: true });
    await invalidateStyleLists(client, bucket);
    onDeleted(outcome.deleted);
    setSummary({ deleted: outcome.deleted.length, kept: outcome.kept.length });
    setPhase("done");
    onRunning(false);
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (phase === "plan" && confirmed) void run();
      }}
    >
      <p>{d("bulk.lead")}</p>
      <table className="plan-table">
        <caption className="visually-hidden">{d("bulk.plan")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("usage.col.style")}</th>
            <th scope="col">{t("usage.col.lastUsed")}</th>
            <th scope="col">{t("usage.col.requests30d")}</th>
            <th scope="col">{d("bulk.col.status")}</th>
          </tr>
        </thead>
        <tbody>
          {styles.map((style) => {
            const fact = usageOf(usage, style.name);
            const status = statuses.get(style.name) ?? { state: "planned" };
            return (
              <tr key={style.name} data-state={status.state}>
                <th scope="row">{style.name}</th>
                <td>
                  <LastUsedCell fact={fact} now={now} />
                  {isRecentlyUsed(fact, now.getTime()) ? (
                    <span className="recent-mark" aria-hidden="true">
                      {" "}
                      ●
                    </span>
                  ) : null}
                </td>
                <td>
                  <RequestsCell fact={fact} />
                </td>
                <td className={`plan-status plan-status-${status.state}`}>
                  {d(statusKeys[status.state], status.state === "failed" ? { message: status.message } : {})}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {phase === "plan" && recent > 0 ? (
        <div className="field typed-confirm">
          <p className="notice">{d("bulk.recent", { count: recent })}</p>
          <label htmlFor={typedId}>{d("bulk.typeCount", { count: recent })}</label>
          <input
            id={typedId}
            value={typed}
            inputMode="numeric"
            autoComplete="off"
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
      ) : null}
      {phase !== "plan" ? (
        <div className="bulk-progress">
          <progress
            max={styles.length}
            value={done}
            aria-label={d("bulk.progress", { done, total: styles.length })}
          />
          <p role="status">
            {summary ? d("bulk.summary", summary) : d("bulk.progress", { done, total: styles.length })}
          </p>
        </div>
      ) : null}
      <p>{t("delete.restorable")}</p>
      <div className="dialog-actions">
        {phase === "plan" ? (
          <>
            <button type="button" className="button" data-autofocus onClick={onClose}>
              {t("delete.cancel")}
            </button>
            <button type="submit" className="button button-danger" disabled={!confirmed}>
              {d("bulk.confirm", { count: styles.length })}
            </button>
          </>
        ) : phase === "running" ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              stop.current = true;
            }}
          >
            {d("bulk.stop")}
          </button>
        ) : (
          <button type="button" className="button" ref={closeRef} onClick={onClose}>
            {d("bulk.close")}
          </button>
        )}
      </div>
    </form>
  );
}
