import { randomToken } from "./token.ts";

export interface Session {
  tokenId: string;
  expiresAt: number;
}

/**
 * Cookie sessions, kept in memory: a restart signs everyone out, which is acceptable for an admin
 * console with one shared token (signing in again is one paste) and means no session secret on disk.
 * Sessions end `ttlMs` after sign-in; expired ones are dropped when seen and swept on each sign-in.
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  create(tokenId: string): { id: string; session: Session } {
    this.#sweep();
    const id = randomToken();
    const session = { tokenId, expiresAt: this.now() + this.ttlMs };
    this.#sessions.set(id, session);
    return { id, session };
  }

  get(id: string): Session | undefined {
    const session = this.#sessions.get(id);
    if (session && session.expiresAt <= this.now()) {
      this.#sessions.delete(id);
      return undefined;
    }
    return session;
  }

  delete(id: string): void {
    this.#sessions.delete(id);
  }

  #sweep(): void {
    const now = this.now();
    for (const [id, session] of this.#sessions) if (session.expiresAt <= now) this.#sessions.delete(id);
  }
}
