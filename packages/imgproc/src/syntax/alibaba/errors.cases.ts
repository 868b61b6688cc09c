import type { SyntaxIssueCode } from "../ast.ts";

interface Expected {
  code: SyntaxIssueCode;
  /** The input fragment, with `<…>` around the span the issue must point at. */
  at: string;
  ossCode?: string;
  parameter?: string;
  message?: string;
}

const e = (code: SyntaxIssueCode, at: string, more: Omit<Expected, "code" | "at"> = {}): Expected => ({
  code,
  at,
  ...more,
});

/** Invalid Alibaba input → every error, in order, with position and OSS code. */
export const ERROR_CASES: { input: string; errors: Expected[] }[] = [
  // resize
  {
    input: "image/resize,m_foo,w_1",
    errors: [e("InvalidValue", "m_<foo>", { parameter: "m", ossCode: "0040-00000311" })],
  },
  {
    input: "image/resize,w_0,h_0",
    errors: [
      e("OutOfRange", "w_<0>", {
        ossCode: "0040-00000321",
        message: "`w` of `resize` must be an integer 1–16384, got `0`",
      }),
      e("OutOfRange", "h_<0>", { ossCode: "0040-00000321", parameter: "h" }),
    ],
  },
  { input: "image/resize,w_16385", errors: [e("OutOfRange", "w_<16385>", { parameter: "w" })] },
  { input: "image/resize,h_99999", errors: [e("OutOfRange", "h_<99999>", { parameter: "h" })] },
  {
    input: "image/resize,w_abc",
    errors: [
      e("InvalidValue", "w_<abc>", { message: "`w` of `resize` must be an integer 1–16384, got `abc`" }),
    ],
  },
  {
    input: "image/resize,l_0",
    errors: [e("OutOfRange", "l_<0>", { parameter: "l", ossCode: "0040-00000314" })],
  },
  { input: "image/resize,s_16385", errors: [e("OutOfRange", "s_<16385>", { parameter: "s" })] },
  { input: "image/resize,p_0", errors: [e("OutOfRange", "p_<0>", { parameter: "p" })] },
  {
    input: "image/resize,p_1001",
    errors: [
      e("OutOfRange", "p_<1001>", { message: "`p` of `resize` must be an integer 1–1000, got `1001`" }),
    ],
  },
  {
    input: "image/resize,w_10,limit_2",
    errors: [e("InvalidValue", "limit_<2>", { ossCode: "0040-00000319" })],
  },
  {
    input: "image/resize,m_pad,w_10,color_GG0000",
    errors: [e("InvalidValue", "color_<GG0000>", { parameter: "color" })],
  },
  {
    input: "image/resize,m_pad,w_10,color_FFF",
    errors: [e("InvalidValue", "color_<FFF>", { parameter: "color" })],
  },
  { input: "image/resize", errors: [e("MissingParameter", "<resize>", { ossCode: "0040-00000322" })] },
  {
    input: "image/resize,P_30",
    errors: [e("MissingParameter", "<resize,P_30>", { ossCode: "0040-00000322" })],
  },
  { input: "image/resize,w_", errors: [e("MissingValue", "w_<>", { parameter: "w" })] },
  { input: "image/resize,,w_1", errors: [e("InvalidValue", "resize,<>,w_1")] },
  // crop, indexcrop
  { input: "image/crop,w_-1", errors: [e("OutOfRange", "w_<-1>", { ossCode: "0040-00000225" })] },
  { input: "image/crop,h_abc", errors: [e("InvalidValue", "h_<abc>", { ossCode: "0040-00000226" })] },
  { input: "image/crop,x_30001", errors: [e("OutOfRange", "x_<30001>", { parameter: "x" })] },
  { input: "image/crop,y_-5", errors: [e("OutOfRange", "y_<-5>", { parameter: "y" })] },
  { input: "image/crop,g_middle", errors: [e("InvalidValue", "g_<middle>", { parameter: "g" })] },
  { input: "image/indexcrop,x_0", errors: [e("OutOfRange", "x_<0>", { ossCode: "0040-00000230" })] },
  { input: "image/indexcrop,y_0", errors: [e("OutOfRange", "y_<0>", { parameter: "y" })] },
  { input: "image/indexcrop,y_10,i_-1", errors: [e("OutOfRange", "i_<-1>", { parameter: "i" })] },
  { input: "image/indexcrop,i_1", errors: [e("MissingParameter", "<indexcrop,i_1>")] },
  // circle, rounded-corners
  { input: "image/circle,r_5000", errors: [e("OutOfRange", "r_<5000>", { ossCode: "0040-00000233" })] },
  { input: "image/circle", errors: [e("MissingParameter", "<circle>", { parameter: "r" })] },
  {
    input: "image/rounded-corners,r_5000",
    errors: [e("OutOfRange", "r_<5000>", { ossCode: "0040-00000237" })],
  },
  { input: "image/rounded-corners,r_0", errors: [e("OutOfRange", "r_<0>", { ossCode: "0040-00000237" })] },
  // rotate, auto-orient
  {
    input: "image/rotate,400",
    errors: [
      e("OutOfRange", "rotate,<400>", {
        ossCode: "0040-00000217",
        message: "The value of `rotate` must be an integer 0–360, got `400`",
      }),
    ],
  },
  { input: "image/rotate,abc", errors: [e("InvalidValue", "rotate,<abc>", { ossCode: "0040-00000217" })] },
  { input: "image/rotate,a_90", errors: [e("InvalidValue", "rotate,<a_90>", { ossCode: "0040-00000217" })] },
  { input: "image/rotate", errors: [e("MissingValue", "<rotate>", { ossCode: "0040-00000216" })] },
  {
    input: "image/rotate,90,200,300",
    errors: [e("TooManyValues", "rotate,90,<200,300>", { ossCode: "0040-00000203" })],
  },
  {
    input: "image/auto-orient,2",
    errors: [e("InvalidValue", "auto-orient,<2>", { ossCode: "0040-00000215" })],
  },
  { input: "image/auto-orient", errors: [e("MissingValue", "<auto-orient>", { ossCode: "0040-00000214" })] },
  // blur, bright, contrast, sharpen
  { input: "image/blur,r_200,s_2", errors: [e("OutOfRange", "r_<200>", { ossCode: "0040-00000241" })] },
  { input: "image/blur,r_2,s_200", errors: [e("OutOfRange", "s_<200>", { ossCode: "0040-00000242" })] },
  { input: "image/blur,r_2,s_2,g_eyes", errors: [e("InvalidValue", "g_<eyes>", { parameter: "g" })] },
  {
    input: "image/blur,r_2,s_2,g_face,p_1000",
    errors: [e("OutOfRange", "p_<1000>", { ossCode: "0004-00000244" })],
  },
  { input: "image/blur,r_3", errors: [e("MissingParameter", "<blur,r_3>", { parameter: "s" })] },
  { input: "image/bright,200", errors: [e("OutOfRange", "bright,<200>", { ossCode: "0040-00000246" })] },
  { input: "image/bright,abc", errors: [e("InvalidValue", "bright,<abc>", { ossCode: "0040-00000246" })] },
  {
    input: "image/contrast,-101",
    errors: [
      e("OutOfRange", "contrast,<-101>", {
        message: "The value of `contrast` must be an integer from -100 to 100, got `-101`",
      }),
    ],
  },
  { input: "image/sharpen,10", errors: [e("OutOfRange", "sharpen,<10>", { ossCode: "0040-00000280" })] },
  { input: "image/sharpen,400", errors: [e("OutOfRange", "sharpen,<400>", { ossCode: "0040-00000280" })] },
  { input: "image/sharpen", errors: [e("MissingValue", "<sharpen>", { ossCode: "0040-00000279" })] },
  // format, quality, interlace
  { input: "image/format,dng", errors: [e("InvalidValue", "format,<dng>", { ossCode: "0040-00000206" })] },
  { input: "image/format,jpeg", errors: [e("InvalidValue", "format,<jpeg>", { ossCode: "0040-00000206" })] },
  { input: "image/format", errors: [e("MissingValue", "<format>", { ossCode: "0040-00000207" })] },
  {
    input: "image/format,f_webp",
    errors: [e("InvalidValue", "format,<f_webp>", { ossCode: "0040-00000206" })],
  },
  { input: "image/quality,Q_200", errors: [e("OutOfRange", "Q_<200>", { ossCode: "0040-00000308" })] },
  { input: "image/quality,q_200", errors: [e("OutOfRange", "q_<200>", { ossCode: "0040-00000309" })] },
  { input: "image/quality,q_0", errors: [e("OutOfRange", "q_<0>", { ossCode: "0040-00000309" })] },
  { input: "image/quality,200", errors: [e("InvalidValue", "quality,<200>", { ossCode: "0040-00000310" })] },
  { input: "image/quality", errors: [e("MissingParameter", "<quality>", { ossCode: "0040-00000307" })] },
  { input: "image/interlace,2", errors: [e("InvalidValue", "interlace,<2>", { ossCode: "0040-00000282" })] },
  // watermark
  { input: "image/watermark,text_SGk,t_101", errors: [e("OutOfRange", "t_<101>", { parameter: "t" })] },
  {
    input: "image/watermark,text_SGk,g_middle",
    errors: [e("InvalidValue", "g_<middle>", { parameter: "g" })],
  },
  {
    input: "image/watermark,text_SGk,x_8000",
    errors: [e("OutOfRange", "x_<8000>", { ossCode: "0040-00000262" })],
  },
  {
    input: "image/watermark,text_SGk,y_8000",
    errors: [e("OutOfRange", "y_<8000>", { ossCode: "0040-00000264" })],
  },
  {
    input: "image/watermark,text_SGk,voffset_2000",
    errors: [e("OutOfRange", "voffset_<2000>", { ossCode: "0040-00000268" })],
  },
  {
    input: "image/watermark,text_SGk,fill_2",
    errors: [e("InvalidValue", "fill_<2>", { ossCode: "0040-00000274" })],
  },
  {
    input: "image/watermark,text_SGk,fill_1,padx_5000",
    errors: [e("OutOfRange", "padx_<5000>", { ossCode: "0040-00000276" })],
  },
  {
    input: "image/watermark,text_SGk,fill_1,pady_5000",
    errors: [e("OutOfRange", "pady_<5000>", { parameter: "pady" })],
  },
  {
    input: `image/watermark,text_${"YWFh".repeat(22)}`,
    errors: [e("OutOfRange", `text_<${"YWFh".repeat(22)}>`, { ossCode: "0040-00000259" })],
  },
  { input: "image/watermark,text_a+b", errors: [e("InvalidBase64", "text_a<+>b", { parameter: "text" })] },
  {
    input: "image/watermark,text_SGk,type_QXJpYWw",
    errors: [e("InvalidValue", "type_<QXJpYWw>", { parameter: "type" })],
  },
  {
    input: "image/watermark,text_SGk,color_XYZXYZ",
    errors: [e("InvalidValue", "color_<XYZXYZ>", { parameter: "color" })],
  },
  {
    input: "image/watermark,text_SGk,size_2000",
    errors: [e("OutOfRange", "size_<2000>", { ossCode: "0040-00000256" })],
  },
  {
    input: "image/watermark,text_SGk,size_0",
    errors: [e("OutOfRange", "size_<0>", { ossCode: "0040-00000256" })],
  },
  {
    input: "image/watermark,text_SGk,shadow_200",
    errors: [e("OutOfRange", "shadow_<200>", { ossCode: "0040-00000255" })],
  },
  {
    input: "image/watermark,text_SGk,rotate_400",
    errors: [e("OutOfRange", "rotate_<400>", { ossCode: "0040-00000272" })],
  },
  {
    input: "image/watermark,text_SGk,image_bG9nbw,order_2",
    errors: [e("InvalidValue", "order_<2>", { parameter: "order" })],
  },
  {
    input: "image/watermark,text_SGk,image_bG9nbw,align_3",
    errors: [e("InvalidValue", "align_<3>", { ossCode: "0040-00000271" })],
  },
  {
    input: "image/watermark,text_SGk,image_bG9nbw,interval_2000",
    errors: [e("OutOfRange", "interval_<2000>", { ossCode: "0040-00000270" })],
  },
  {
    input: "image/watermark,t_50",
    errors: [e("MissingParameter", "<watermark,t_50>", { ossCode: "0040-00000278" })],
  },
  // image = "a.png?x-oss-process=image/circle,r_10": circle is not allowed in a watermark's processing
  {
    input: "image/watermark,image_YS5wbmc_eC1vc3MtcHJvY2Vzcz1pbWFnZS9jaXJjbGUscl8xMA",
    errors: [
      e("InvalidValue", "image_<YS5wbmc_eC1vc3MtcHJvY2Vzcz1pbWFnZS9jaXJjbGUscl8xMA>", { parameter: "image" }),
    ],
  },
  // The OSS error-code pages' own examples: a watermark image's processing may not nest a watermark
  // (0040-00000373), ask for info (0040-00000374) or use a pipe (documented, EC not readable to us).
  {
    input:
      "image/watermark,image_cGFuZGEucG5nP3gtb3NzLXByb2Nlc3M9aW1hZ2Uvd2F0ZXJtYXJrLGltYWdlX2NHRnVaR0V1Y0c",
    errors: [
      e(
        "InvalidValue",
        "image_<cGFuZGEucG5nP3gtb3NzLXByb2Nlc3M9aW1hZ2Uvd2F0ZXJtYXJrLGltYWdlX2NHRnVaR0V1Y0c>",
        {
          parameter: "image",
          ossCode: "0040-00000373",
        },
      ),
    ],
  },
  {
    input: "image/watermark,image_cGFuZGEucG5nP3gtb3NzLXByb2Nlc3M9aW1hZ2UvaW5mbw",
    errors: [
      e("InvalidValue", "image_<cGFuZGEucG5nP3gtb3NzLXByb2Nlc3M9aW1hZ2UvaW5mbw>", {
        parameter: "image",
        ossCode: "0040-00000374",
      }),
    ],
  },
  {
    input: "image/watermark,image_cGFuZGEucG5nP3gtb3NzLXByb2Nlc3M9aW1hZ2UvcmVzaXplLFBfMzB8cm90YXRlLDkw",
    errors: [
      e("UnsupportedPipe", "image_<cGFuZGEucG5nP3gtb3NzLXByb2Nlc3M9aW1hZ2UvcmVzaXplLFBfMzB8cm90YXRlLDkw>", {
        parameter: "image",
      }),
    ],
  },
  // Add watermarks page, "Limits": at most three different watermark images per image.
  {
    input:
      "image/watermark,image_YS5wbmc/watermark,image_Yi5wbmc/watermark,image_YS5wbmc/watermark,image_Yy5wbmc/watermark,image_ZC5wbmc",
    errors: [e("TooManyActions", "image_Yy5wbmc/<watermark,image_ZC5wbmc>")],
  },
  // info, average-hue
  { input: "image/info,x", errors: [e("TooManyValues", "info,<x>")] },
  { input: "image/average-hue,1", errors: [e("TooManyValues", "average-hue,<1>")] },
  // the action list
  { input: "image/", errors: [e("Empty", "image</>", { ossCode: "0040-00000212" })] },
  { input: "image", errors: [e("Empty", "<image>", { ossCode: "0040-00000212" })] },
  { input: "image/resize,w_1//rotate,90", errors: [e("Empty", "w_1</>/", { ossCode: "0040-00000212" })] },
  { input: "image/slim,1", errors: [e("UnknownOperation", "<slim>", { ossCode: "0040-00000213" })] },
  {
    input: "image/Resize,w_1",
    errors: [
      e("UnknownOperation", "<Resize>", {
        message: "Unknown action `Resize`: action names are case-sensitive, did you mean `resize`?",
      }),
    ],
  },
  { input: "image/resize,w_100|sys/saveas,o_x", errors: [e("UnsupportedPipe", "<|sys/saveas,o_x>")] },
  {
    input: "image/resize,w_0,h_99999/rotate,400/format,jpeg",
    errors: [
      e("OutOfRange", "w_<0>"),
      e("OutOfRange", "h_<99999>"),
      e("OutOfRange", "rotate,<400>"),
      e("InvalidValue", "format,<jpeg>"),
    ],
  },
  // style and kind
  { input: "style/", errors: [e("InvalidStyleName", "style</>")] },
  { input: "style/a b", errors: [e("InvalidStyleName", "style/<a b>")] },
  // EC page 0040-00000602: ; ( ) ' * ? in a style name.
  {
    input: "style/small(1)",
    errors: [e("InvalidStyleName", "style/<small(1)>", { ossCode: "0040-00000602" })],
  },
  { input: `style/${"a".repeat(64)}`, errors: [e("InvalidStyleName", `style/<${"a".repeat(64)}>`)] },
  { input: "Image/resize,w_1", errors: [e("UnknownProcessKind", "<Image>")] },
  { input: "", errors: [e("Empty", "<>")] },
  {
    input: "?x-oss-process=image/resize,w_1",
    errors: [
      e("UnknownProcessKind", "<?x-oss-process=image>", {
        message:
          "Unknown processing kind `?x-oss-process=image` (this looks like a URL query: give only what follows `x-oss-process=`, or use parseProcessQuery): expected `image/…` or `style/<name>` (Alibaba), `img/…`, `imgalias/<name>`, `imginfo`, `imgexif` (JD)",
      }),
    ],
  },
];
