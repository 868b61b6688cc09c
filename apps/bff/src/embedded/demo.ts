/**
 * What the embedded default is seeded with on first start: two demo buckets, sample photos (see
 * `samples/SOURCES.md`) and styles people actually use. Every content here must pass the same
 * validation as the console's own create route (a test checks it).
 */

export interface DemoBucket {
  name: string;
  /** Region id: the demo spans two regions, as a real fleet does. */
  region: string;
  /** Active style delimiters (`!name` URLs), when any. */
  styleDelimiters?: readonly string[];
  objects: ReadonlyArray<{ key: string; file: string }>;
  styles: ReadonlyArray<{ name: string; content: string; category: "image" }>;
}

const watermarkText = Buffer.from("Style Console").toString("base64url");

export const DEMO_REGION = "cn-hangzhou";

/** Where the demo buckets' access logs go (not managed by the console: it holds no styles). */
export const DEMO_LOG_BUCKET = "demo-logs";

export const DEMO_BUCKETS: readonly DemoBucket[] = [
  {
    name: "demo-photos",
    region: DEMO_REGION,
    styleDelimiters: ["!"],
    objects: [
      { key: "photos/street.jpg", file: "2569067123_aca715a2ee_o.jpg" },
      { key: "photos/flowers.jpg", file: "flowers.jpeg" },
      { key: "photos/concert.jpg", file: "concert.jpg" },
      { key: "photos/landscape.jpg", file: "Landscape_1.jpg" },
      { key: "photos/webp-gallery.webp", file: "4.webp" },
      { key: "photos/example.jpg", file: "image-demo_example.jpg" },
    ],
    styles: [
      { name: "thumbnail", content: "image/resize,m_fill,w_200,h_200/quality,q_85", category: "image" },
      {
        name: "web-webp",
        content: "image/resize,w_1200,limit_1/format,webp/quality,q_80",
        category: "image",
      },
      {
        name: "watermarked",
        content: `image/resize,w_1200,limit_1/watermark,text_${watermarkText},color_FFFFFF,size_32,g_se,x_16,y_16`,
        category: "image",
      },
      { name: "progressive", content: "image/auto-orient,1/resize,w_800/interlace,1", category: "image" },
      {
        name: "card-rounded",
        content: "image/resize,m_fill,w_480,h_320/rounded-corners,r_24/format,png",
        category: "image",
      },
      { name: "blur-preview", content: "image/resize,w_64/blur,r_8,s_4", category: "image" },
    ],
  },
  {
    name: "demo-avatars",
    region: DEMO_REGION,
    objects: [
      { key: "avatars/portrait.jpg", file: "Portrait_6.jpg" },
      { key: "avatars/bird.png", file: "embedgravitybird.png" },
    ],
    styles: [
      {
        name: "avatar-circle",
        content: "image/auto-orient,1/resize,m_fill,w_256,h_256/circle,r_128/format,png",
        category: "image",
      },
      {
        name: "avatar-small",
        content: "image/auto-orient,1/resize,m_fill,w_64,h_64/quality,q_80",
        category: "image",
      },
    ],
  },
  {
    // A second region whose styles drifted from demo-photos: one the same, one changed, one missing, one
    // of its own, so the fleet matrix has something to show on first start.
    name: "demo-shop-eu",
    region: "eu-central-1",
    objects: [{ key: "photos/flowers.jpg", file: "flowers.jpeg" }],
    styles: [
      { name: "thumbnail", content: "image/resize,m_fill,w_200,h_200/quality,q_85", category: "image" },
      {
        name: "web-webp",
        content: "image/resize,w_1000,limit_1/format,webp/quality,q_75",
        category: "image",
      },
      { name: "blur-preview", content: "image/resize,w_64/blur,r_8,s_4", category: "image" },
      { name: "eu-banner", content: "image/resize,m_fill,w_1200,h_300/quality,q_80", category: "image" },
    ],
  },
];
