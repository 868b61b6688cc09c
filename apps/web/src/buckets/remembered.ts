const key = "style-console.bucket";

/** The bucket the operator last opened (only its name: nothing secret lives in localStorage). */
export function rememberedBucket(): string | null {
  return localStorage.getItem(key);
}

export function rememberBucket(name: string): void {
  localStorage.setItem(key, name);
}

/** The bucket to open at `/`: the remembered one if it is still configured, else the first. */
export function chooseBucket(names: readonly string[], remembered: string | null): string | null {
  if (remembered && names.includes(remembered)) return remembered;
  return names[0] ?? null;
}
