import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, parse } from "node:path";
import type { ImageFacts } from "@style-console/contract/dto";
import { headerFacts } from "./inspect.ts";
import type { SampleDto, SourceBytes } from "./sample.ts";
import { sniffImage } from "./sniff.ts";

const imageFile = /\.(jpe?g|png|gif|webp|bmp|tiff?|heic|avif)$/i;

/** `2569067123_aca715a2ee_o.jpg` → `2569067123_aca715a2ee_o`: ids stay readable in a URL. */
const idOf = (file: string) =>
  parse(file)
    .name.toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-");

/**
 * The built-in samples: the images the embedded default seeds its demo buckets with
 * (`apps/bff/samples`, credited in its SOURCES.md). Read-only; their facts and hashes are computed on
 * first use and kept, since the files never change while the console runs.
 * @example
 * const samples = new BuiltinSamples(samplesDir);
 * await samples.read("flowers"); // { bytes, hash }
 */
export class BuiltinSamples {
  readonly #files: Map<string, string>;
  #listed: Promise<SampleDto[]> | undefined;
  readonly #loaded = new Map<string, Promise<SourceBytes>>();

  constructor(readonly dir: string) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((name) => imageFile.test(name));
    } catch {
      // No samples folder (a trimmed install): the console still previews uploads and bucket objects.
    }
    this.#files = new Map(names.sort().map((name) => [idOf(name), name]));
  }

  has(id: string): boolean {
    return this.#files.has(id);
  }

  list(): Promise<SampleDto[]> {
    this.#listed ??= Promise.all(
      [...this.#files].map(async ([id, file]): Promise<SampleDto> => {
        const { bytes } = await this.#load(id, file);
        // Our own files: the header is enough (uploads are decoded in full, see inspect.ts).
        const kind = sniffImage(bytes);
        const facts: ImageFacts = kind
          ? await headerFacts(bytes, kind)
          : { format: "unknown", width: 0, height: 0, frames: 0, bytes: bytes.length };
        return { id, name: file, kind: "builtin", ...facts };
      }),
    );
    return this.#listed;
  }

  async read(id: string): Promise<SourceBytes | undefined> {
    const file = this.#files.get(id);
    return file === undefined ? undefined : this.#load(id, file);
  }

  #load(id: string, file: string): Promise<SourceBytes> {
    let loaded = this.#loaded.get(id);
    if (!loaded) {
      loaded = readFile(join(this.dir, file)).then((bytes) => ({
        bytes,
        hash: createHash("sha256").update(bytes).digest("hex"),
      }));
      this.#loaded.set(id, loaded);
    }
    return loaded;
  }
}
