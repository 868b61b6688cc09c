/**
 * Raised when a signer input cannot be signed (lone surrogate, bad expiry, bad date…).
 * The message names the field; it never contains a secret.
 *
 * @example
 * try { presign(req, { ...ctx, expiresSeconds: 0 }); } catch (e) {
 *   if (e instanceof SignerInputError) console.log(e.field); // "expiresSeconds"
 * }
 */
export class SignerInputError extends Error {
  override readonly name = "SignerInputError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`Invalid ${field}: ${message}`);
  }
}
