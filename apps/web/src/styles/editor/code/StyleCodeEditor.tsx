import {
  autocompletion,
  type Completion,
  type CompletionContext,
  completionKeymap,
  insertCompletionText,
  startCompletion,
} from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { type Diagnostic, lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { Compartment, EditorState, type Extension, RangeSetBuilder } from "@codemirror/state";
import {
  Decoration,
  type DecorationSet,
  EditorView,
  hoverTooltip,
  keymap,
  placeholder,
  ViewPlugin,
  type ViewUpdate,
} from "@codemirror/view";
import { getOperationSpec, tokenAt, tokenizeStyle } from "@style-console/imgproc/syntax";
import { useEffect, useRef } from "react";
import { splitTicks, stripTicks } from "../../../lib/ticks.ts";
import { paramHelp, suggest } from "./complete.ts";
import { type PasteReading, readPaste } from "./paste.ts";

/** A positioned message in the console's language (imgproc's issue, translated). */
export interface EditorIssue {
  offset: number;
  length: number;
  message: string;
  severity: "error" | "warning";
}

export interface StyleCodeEditorProps {
  /** `id` of the editable element (the form focuses it by id). */
  id: string;
  labelledBy: string;
  describedBy: string;
  value: string;
  onChange: (value: string) => void;
  issues: readonly EditorIssue[];
  invalid: boolean;
  placeholderText: string;
  /** A paste that was more than text (a URL, a style reference): the form offers what to do with it. */
  onPasteReading: (reading: Exclude<PasteReading, { kind: "text" }>) => void;
  /** Focus the editor once it has loaded. */
  autoFocus?: boolean;
}

const tokenMarks = {
  kind: Decoration.mark({ class: "tok-kind" }),
  action: Decoration.mark({ class: "tok-action" }),
  unknownAction: Decoration.mark({ class: "tok-action tok-unknown" }),
  key: Decoration.mark({ class: "tok-key" }),
  value: Decoration.mark({ class: "tok-value" }),
  separator: Decoration.mark({ class: "tok-punct" }),
};

function decorate(state: EditorState): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const token of tokenizeStyle(state.doc.toString()))
    builder.add(token.from, token.to, tokenMarks[token.type]);
  return builder.finish();
}

/** Colours from the style parser's own tokens (imgproc `tokenizeStyle`), recomputed on each change. */
const highlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorate(view.state);
    }
    update(update: ViewUpdate) {
      if (update.docChanged) this.decorations = decorate(update.state);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

function complete(context: CompletionContext) {
  const result = suggest(context.state.doc.toString(), context.pos);
  if (!result || (result.from === context.pos && !context.explicit && result.options.length === 0))
    return null;
  const options: Completion[] = result.options.map((o) => ({
    label: o.label,
    type: o.type,
    // A parameter is inserted as `key_`; its values (an enum's) are offered at once.
    ...(o.apply
      ? {
          apply: (view: EditorView, _c: Completion, from: number, to: number) => {
            view.dispatch(insertCompletionText(view.state, o.apply ?? o.label, from, to));
            startCompletion(view);
          },
        }
      : {}),
    ...(o.detail ? { detail: o.detail } : {}),
    ...(o.info ? { info: o.info } : {}),
  }));
  return { from: result.from, options, validFor: /^[\w-]*$/ };
}

/** Help for the action, parameter or value under the pointer, from the operation catalogue. */
const hoverHelp = hoverTooltip((view, pos) => {
  const token = tokenAt(tokenizeStyle(view.state.doc.toString()), pos);
  if (!token?.operation) return null;
  const spec = getOperationSpec(token.operation);
  if (!spec) return null;
  let text: string;
  if (token.type === "action") {
    text = [`${spec.name}: ${spec.description}`, ...(spec.constraints ?? [])].join("\n");
  } else {
    const param =
      spec.params.find((p) => p.name === token.parameter) ??
      (spec.form === "bare" ? spec.params[0] : undefined);
    if (!param) return null;
    text = paramHelp(spec.name, param);
  }
  return {
    pos: token.from,
    end: token.to,
    above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "cm-help";
      dom.textContent = text;
      return { dom };
    },
  };
});

/** A style is one line: a typed or pasted line break is dropped, never shown as a confusing error. */
const oneLine = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged || !tr.newDoc.toString().includes("\n")) return tr;
  const text = tr.newDoc.toString().replace(/[\r\n]+/g, "");
  return [tr, { changes: { from: 0, to: tr.newDoc.length, insert: text }, sequential: true }];
});

function toDiagnostics(issues: readonly EditorIssue[], length: number): Diagnostic[] {
  return issues.map((issue) => {
    const from = Math.min(Math.max(issue.offset, 0), length);
    return {
      from,
      to: Math.min(from + Math.max(issue.length, 0), length),
      severity: issue.severity,
      message: stripTicks(issue.message),
      // Code shown as code, never as raw backticks.
      renderMessage: () => {
        const span = document.createElement("span");
        for (const part of splitTicks(issue.message)) {
          const node = document.createElement(part.code ? "code" : "span");
          node.textContent = part.text;
          span.append(node);
        }
        return span;
      },
    };
  });
}

/**
 * The content field: CodeMirror 6 with the style language's colours, inline diagnostics (underline,
 * gutter mark, message on hover; the same messages are listed under the field for screen readers),
 * completion and hover help from the catalogue, and paste that understands URLs. Controlled: `value`
 * from outside (the builder) replaces the text; each edit calls `onChange`.
 */
export default function StyleCodeEditor(props: StyleCodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const attributes = useRef(new Compartment());

  const aria = (p: StyleCodeEditorProps): Extension =>
    EditorView.contentAttributes.of({
      id: p.id,
      "aria-labelledby": p.labelledBy,
      "aria-describedby": p.describedBy,
      "aria-invalid": String(p.invalid),
      spellcheck: "false",
      autocapitalize: "off",
      autocorrect: "off",
    });
  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          history(),
          keymap.of([...completionKeymap, ...lintKeymap, ...historyKeymap, ...defaultKeymap]),
          EditorView.lineWrapping,
          highlight,
          lintGutter(),
          // No interaction delay: CodeMirror lets keys pressed within 75 ms of the list changing fall
          // through, to protect a newline typed before the list was seen. The content is one line
          // (`oneLine` drops newlines), so a quick Enter after a keystroke was silently lost.
          autocompletion({ override: [complete], icons: false, interactionDelay: 0 }),
          hoverHelp,
          oneLine,
          placeholder(latest.current.placeholderText),
          attributes.current.of(aria(latest.current)),
          EditorView.domEventHandlers({
            paste(event, v) {
              const raw = event.clipboardData?.getData("text/plain");
              if (raw === undefined) return false;
              const reading = readPaste(raw);
              event.preventDefault();
              const insert = reading.kind === "styleRef" ? "" : reading.text;
              const { from, to } = v.state.selection.main;
              v.dispatch({
                changes: { from, to, insert },
                selection: { anchor: from + insert.length },
                userEvent: "input.paste",
              });
              if (reading.kind !== "text") latest.current.onPasteReading(reading);
              return true;
            },
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    if (latest.current.autoFocus) editor.focus();
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  // Text from outside (the builder, a conversion, "take theirs"): replace the document, keep the caret.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === props.value) return;
    const anchor = Math.min(editor.state.selection.main.head, props.value.length);
    editor.dispatch({
      changes: { from: 0, to: editor.state.doc.length, insert: props.value },
      selection: { anchor },
    });
  }, [props.value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch(setDiagnostics(editor.state, toDiagnostics(props.issues, editor.state.doc.length)));
  }, [props.issues]);

  useEffect(() => {
    view.current?.dispatch({ effects: attributes.current.reconfigure(aria(props)) });
  }, [props.id, props.labelledBy, props.describedBy, props.invalid]);

  return <div ref={host} className="code-editor cm-host" data-invalid={props.invalid || undefined} />;
}
