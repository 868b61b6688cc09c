import rootPackage from "../../../../package.json" with { type: "json" };

/** The product's version: the root package.json's, the same one the SPA shows in its footer. */
export const version: string = rootPackage.version;
