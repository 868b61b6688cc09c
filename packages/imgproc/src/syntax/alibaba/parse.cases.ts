import type { Operation } from "../ast.ts";

/** Valid Alibaba input → the operations it must produce (every action and every parameter appears). */
export const PARSE_CASES: { input: string; expected: Operation[] }[] = [
  { input: "image/resize,w_200", expected: [{ op: "resize", w: 200 }] },
  { input: "image/resize,m_lfit,w_150,h_80", expected: [{ op: "resize", m: "lfit", w: 150, h: 80 }] },
  { input: "image/resize,m_mfit,w_150,h_80", expected: [{ op: "resize", m: "mfit", w: 150, h: 80 }] },
  { input: "image/resize,m_fill,h_100,w_100", expected: [{ op: "resize", m: "fill", h: 100, w: 100 }] },
  {
    input: "image/resize,m_pad,w_150,h_80,color_FF0000",
    expected: [{ op: "resize", m: "pad", w: 150, h: 80, color: "FF0000" }],
  },
  { input: "image/resize,m_fixed,h_100", expected: [{ op: "resize", m: "fixed", h: 100 }] },
  { input: "image/resize,l_100", expected: [{ op: "resize", l: 100 }] },
  { input: "image/resize,s_100", expected: [{ op: "resize", s: 100 }] },
  { input: "image/resize,p_50", expected: [{ op: "resize", p: 50 }] },
  { input: "image/resize,w_16384,limit_0", expected: [{ op: "resize", w: 16384, limit: 0 }] },
  { input: "image/resize,h_1,limit_1", expected: [{ op: "resize", h: 1, limit: 1 }] },
  {
    input: "image/crop,w_100,h_100,x_10,y_20,g_se",
    expected: [{ op: "crop", w: 100, h: 100, x: 10, y: 20, g: "se" }],
  },
  { input: "image/crop,w_0,g_center", expected: [{ op: "crop", w: 0, g: "center" }] },
  { input: "image/indexcrop,x_100,i_2", expected: [{ op: "indexcrop", x: 100, i: 2 }] },
  { input: "image/indexcrop,y_50", expected: [{ op: "indexcrop", y: 50 }] },
  { input: "image/circle,r_100", expected: [{ op: "circle", r: 100 }] },
  { input: "image/rounded-corners,r_10", expected: [{ op: "rounded-corners", r: 10 }] },
  { input: "image/rotate,90", expected: [{ op: "rotate", value: 90 }] },
  { input: "image/rotate,360", expected: [{ op: "rotate", value: 360 }] },
  { input: "image/auto-orient,0", expected: [{ op: "auto-orient", value: 0 }] },
  { input: "image/auto-orient,1", expected: [{ op: "auto-orient", value: 1 }] },
  { input: "image/blur,r_3,s_2", expected: [{ op: "blur", r: 3, s: 2 }] },
  {
    input: "image/blur,r_50,s_50,g_faces,p_150",
    expected: [{ op: "blur", r: 50, s: 50, g: "faces", p: 150 }],
  },
  { input: "image/blur,r_1,s_1,g_face", expected: [{ op: "blur", r: 1, s: 1, g: "face" }] },
  { input: "image/bright,-50", expected: [{ op: "bright", value: -50 }] },
  { input: "image/contrast,100", expected: [{ op: "contrast", value: 100 }] },
  { input: "image/sharpen,100", expected: [{ op: "sharpen", value: 100 }] },
  ...(["jpg", "png", "webp", "bmp", "gif", "tiff", "heic", "avif"] as const).map((value) => ({
    input: `image/format,${value}`,
    expected: [{ op: "format", value }] as Operation[],
  })),
  { input: "image/quality,q_90", expected: [{ op: "quality", q: 90 }] },
  { input: "image/quality,Q_80", expected: [{ op: "quality", Q: 80 }] },
  { input: "image/interlace,1", expected: [{ op: "interlace", value: 1 }] },
  {
    input: "image/watermark,text_SGVsbG8g5Zu-54mH5pyN5YqhIQ",
    expected: [{ op: "watermark", text: "Hello 图片服务!" }],
  },
  {
    input:
      "image/resize,w_300,h_300/watermark,type_d3F5LXplbmhlaQ,size_30,text_SGVsbG8gV29ybGQ,color_FFFFFF,shadow_50,t_100,g_se,x_10,y_10",
    expected: [
      { op: "resize", w: 300, h: 300 },
      {
        op: "watermark",
        type: "wqy-zenhei",
        size: 30,
        text: "Hello World",
        color: "FFFFFF",
        shadow: 50,
        t: 100,
        g: "se",
        x: 10,
        y: 10,
      },
    ],
  },
  {
    input:
      "image/watermark,image_cGFuZGEucG5nP3gtb3NzLXByb2Nlc3M9aW1hZ2UvcmVzaXplLFBfMzA,t_90,g_se,x_10,y_10",
    expected: [
      { op: "watermark", image: "panda.png?x-oss-process=image/resize,P_30", t: 90, g: "se", x: 10, y: 10 },
    ],
  },
  {
    input: "image/watermark,text_SGVsbG8,g_center,voffset_-100,rotate_45,fill_1,padx_10,pady_20",
    expected: [
      { op: "watermark", text: "Hello", g: "center", voffset: -100, rotate: 45, fill: 1, padx: 10, pady: 20 },
    ],
  },
  {
    input: "image/watermark,text_SGVsbG8,image_bG9nby5wbmc,order_1,align_1,interval_10",
    expected: [{ op: "watermark", text: "Hello", image: "logo.png", order: 1, align: 1, interval: 10 }],
  },
  { input: "image/info", expected: [{ op: "info" }] },
  { input: "image/average-hue", expected: [{ op: "average-hue" }] },
  {
    input: "image/resize,w_200,m_fill/quality,q_90",
    expected: [
      { op: "resize", w: 200, m: "fill" },
      { op: "quality", q: 90 },
    ],
  },
];
