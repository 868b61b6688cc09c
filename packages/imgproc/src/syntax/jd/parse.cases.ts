import type { JdOperation, SyntaxIssueCode } from "../ast.ts";

/** Valid JD input → nodes: shared Alibaba nodes where the meaning is the same, JD-only otherwise. */
export const JD_PARSE_CASES: { input: string; expected: JdOperation[] }[] = [
  { input: "img/s/200/300", expected: [{ op: "resize", m: "lfit", w: 200, h: 300 }] },
  { input: "img/so/200/300", expected: [{ op: "resize", m: "mfit", w: 200, h: 300 }] },
  { input: "img/sh/300", expected: [{ op: "resize", h: 300 }] },
  { input: "img/sw/9999", expected: [{ op: "resize", w: 9999 }] },
  { input: "img/sp/505", expected: [{ op: "jd-sp", n: 505 }] },
  { input: "img/sf/100/50", expected: [{ op: "resize", m: "fixed", w: 100, h: 50 }] },
  { input: "img/sa/100000000", expected: [{ op: "jd-sa", n: 100000000 }] },
  { input: "img/sb/100/100", expected: [{ op: "resize", m: "pad", w: 100, h: 100 }] },
  { input: "img/sb/100/100/_F00", expected: [{ op: "resize", m: "pad", w: 100, h: 100, color: "FF0000" }] },
  { input: "img/shb/100/80/_00ff00", expected: [{ op: "jd-shb", w: 100, h: 80, color: "00ff00" }] },
  { input: "img/swb/100/80", expected: [{ op: "jd-swb", w: 100, h: 80 }] },
  {
    input: "img/s/200/300/cc/200/260",
    expected: [
      { op: "resize", m: "lfit", w: 200, h: 300 },
      { op: "jd-cc", w: 200, h: 260 },
    ],
  },
  { input: "img/cr/100/100/0/9999", expected: [{ op: "crop", w: 100, h: 100, x: 0, y: 9999 }] },
  { input: "img/r/60", expected: [{ op: "rotate", value: 60 }] },
  { input: "img/r/0", expected: [{ op: "auto-orient", value: 1 }] },
  { input: "img/r/360", expected: [{ op: "auto-orient", value: 0 }] },
  ...(["jpg", "png", "webp", "bmp", "gif"] as const).map((value) => ({
    input: `img/fmt/${value}`,
    expected: [{ op: "format", value }] as JdOperation[],
  })),
  {
    input: "img/r/60/q/71/p/s/200/300",
    expected: [
      { op: "rotate", value: 60 },
      { op: "quality", Q: 71 },
      { op: "interlace", value: 1 },
      { op: "resize", m: "lfit", w: 200, h: 300 },
    ],
  },
  { input: "img/q/0", expected: [{ op: "quality", Q: 0 }] },
  { input: "img/qf/100", expected: [{ op: "jd-qf", n: 100 }] },
  { input: "img/o", expected: [{ op: "jd-o" }] },
  { input: "img/ns", expected: [{ op: "jd-ns" }] },
  { input: "img/cgif/1", expected: [{ op: "jd-cgif", n: 1 }] },
  { input: "img/cgif/2", expected: [{ op: "jd-cgif", n: 2 }] },
  { input: "img/wmt/wt/5Lqs5Lic5LqR", expected: [{ op: "jd-wmt", text: "京东云" }] },
  {
    input: "img/wmt/wt/5Lqs5Lic5LqR/wf/U2ltc3Vu/wc/_FF0000/wp/5/wdx/-10/wdy/20/ws/100/wr/45/s/10/10",
    expected: [
      {
        op: "jd-wmt",
        text: "京东云",
        font: "Simsun",
        color: "FF0000",
        position: 5,
        dx: -10,
        dy: 20,
        size: 100,
        rotate: 45,
      },
      { op: "resize", m: "lfit", w: 10, h: 10 },
    ],
  },
  {
    input: "img/wmi/wk/ZG93bmxvYWRzOmxvZ28ucG5n/wp/9/wdx/1/wdy/-1/wd/50/ws/0/wmi/wk/ZG93bmxvYWRzOmxvZ28ucG5n",
    expected: [
      { op: "jd-wmi", key: "downloads:logo.png", position: 9, dx: 1, dy: -1, opacity: 50, size: 0 },
      { op: "jd-wmi", key: "downloads:logo.png" },
    ],
  },
];

interface Expected {
  code: SyntaxIssueCode;
  at: string;
  parameter?: string;
}

/** Invalid JD input → its errors in order, positioned. */
export const JD_ERROR_CASES: { input: string; errors: Expected[] }[] = [
  { input: "img/s/0/300", errors: [{ code: "OutOfRange", at: "s/<0>/", parameter: "w" }] },
  { input: "img/s/200/10000", errors: [{ code: "OutOfRange", at: "<10000>", parameter: "h" }] },
  { input: "img/so/0/1", errors: [{ code: "OutOfRange", at: "so/<0>", parameter: "w" }] },
  { input: "img/so/200", errors: [{ code: "MissingValue", at: "<so>", parameter: "h" }] },
  { input: "img/sh/abc", errors: [{ code: "InvalidValue", at: "<abc>", parameter: "h" }] },
  { input: "img/sw/0", errors: [{ code: "OutOfRange", at: "sw/<0>", parameter: "w" }] },
  { input: "img/sp/1001", errors: [{ code: "OutOfRange", at: "<1001>", parameter: "n" }] },
  { input: "img/sf/1/0", errors: [{ code: "OutOfRange", at: "1/<0>", parameter: "h" }] },
  { input: "img/sa/100000001", errors: [{ code: "OutOfRange", at: "<100000001>", parameter: "n" }] },
  { input: "img/sb/10/10/_GG0000", errors: [{ code: "InvalidValue", at: "<_GG0000>", parameter: "color" }] },
  { input: "img/shb/0/10", errors: [{ code: "OutOfRange", at: "shb/<0>", parameter: "w" }] },
  { input: "img/swb/10/0", errors: [{ code: "OutOfRange", at: "10/<0>", parameter: "h" }] },
  { input: "img/cc/10/10000", errors: [{ code: "OutOfRange", at: "<10000>", parameter: "h" }] },
  { input: "img/cr/10/10/-1/0", errors: [{ code: "OutOfRange", at: "<-1>", parameter: "x" }] },
  { input: "img/cr/10/10/0/10000", errors: [{ code: "OutOfRange", at: "<10000>", parameter: "y" }] },
  { input: "img/r/361", errors: [{ code: "OutOfRange", at: "<361>", parameter: "n" }] },
  { input: "img/fmt/tiff", errors: [{ code: "InvalidValue", at: "<tiff>", parameter: "format" }] },
  { input: "img/q/101", errors: [{ code: "OutOfRange", at: "<101>", parameter: "n" }] },
  { input: "img/qf/-1", errors: [{ code: "OutOfRange", at: "<-1>", parameter: "n" }] },
  { input: "img/cgif/0", errors: [{ code: "OutOfRange", at: "cgif/<0>", parameter: "n" }] },
  { input: "img/cgif/101", errors: [{ code: "OutOfRange", at: "<101>", parameter: "n" }] },
  { input: "img/wmt/wp/1", errors: [{ code: "MissingParameter", at: "<wmt>", parameter: "wt" }] },
  { input: "img/wmt/wt/a+b", errors: [{ code: "InvalidBase64", at: "a<+>b", parameter: "wt" }] },
  {
    input: `img/wmt/wt/${"YWFh".repeat(6)}`,
    errors: [{ code: "OutOfRange", at: `<${"YWFh".repeat(6)}>`, parameter: "wt" }],
  },
  { input: "img/wmt/wt/SGk/wc/red", errors: [{ code: "InvalidValue", at: "<red>", parameter: "wc" }] },
  { input: "img/wmt/wt/SGk/wp/10", errors: [{ code: "OutOfRange", at: "<10>", parameter: "wp" }] },
  { input: "img/wmt/wt/SGk/wdx/10000", errors: [{ code: "OutOfRange", at: "<10000>", parameter: "wdx" }] },
  { input: "img/wmt/wt/SGk/wdy/-10000", errors: [{ code: "OutOfRange", at: "<-10000>", parameter: "wdy" }] },
  { input: "img/wmt/wt/SGk/ws/1001", errors: [{ code: "OutOfRange", at: "<1001>", parameter: "ws" }] },
  { input: "img/wmt/wt/SGk/wr/361", errors: [{ code: "OutOfRange", at: "<361>", parameter: "wr" }] },
  { input: "img/wmt/wt/SGk/wf/%%%", errors: [{ code: "InvalidBase64", at: "wf/<%>", parameter: "wf" }] },
  { input: "img/wmi/wk/YT+i", errors: [{ code: "InvalidBase64", at: "YT<+>i", parameter: "wk" }] },
  { input: "img/wmi/wk/YTpi/wp/0", errors: [{ code: "OutOfRange", at: "wp/<0>", parameter: "wp" }] },
  { input: "img/wmi/wk/YTpi/wdx/-10000", errors: [{ code: "OutOfRange", at: "<-10000>", parameter: "wdx" }] },
  { input: "img/wmi/wk/YTpi/wdy/10000", errors: [{ code: "OutOfRange", at: "<10000>", parameter: "wdy" }] },
  { input: "img/wmi/wk/YTpi/ws/-1", errors: [{ code: "OutOfRange", at: "<-1>", parameter: "ws" }] },
  { input: "img/wmi/wd/50", errors: [{ code: "MissingParameter", at: "<wmi>", parameter: "wk" }] },
  { input: "img/wmi/wk/YTpi/wd/101", errors: [{ code: "OutOfRange", at: "<101>", parameter: "wd" }] },
  { input: "img/wmi/wk/YTpi/ws", errors: [{ code: "MissingValue", at: "<ws>", parameter: "ws" }] },
  {
    input: "img/wp/5",
    errors: [
      { code: "UnknownOperation", at: "<wp>" },
      { code: "UnknownOperation", at: "wp/<5>" },
    ],
  },
  {
    input: "img/S/1/1",
    errors: [
      { code: "UnknownOperation", at: "<S>" },
      { code: "UnknownOperation", at: "S/<1>" },
      { code: "UnknownOperation", at: "S/1/<1>" },
    ],
  },
  { input: "img/", errors: [{ code: "Empty", at: "img</>" }] },
  { input: "img", errors: [{ code: "Empty", at: "<img>" }] },
  { input: "img/s/1/1//o", errors: [{ code: "Empty", at: "1</>/o" }] },
  { input: "imginfo/x", errors: [{ code: "InvalidValue", at: "imginfo</x>" }] },
  { input: "imgexif/ns", errors: [{ code: "TooManyValues", at: "imgexif</ns>" }] },
  { input: "imgalias/", errors: [{ code: "Empty", at: "<imgalias/>" }] },
];
