import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { admin, urlOf } from "./postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PostgreSQL database that tests copy (`CREATE DATABASE … TEMPLATE`). */
    templateDatabase: string;
  }
}

/** Migrates one template database per test run; each test copies it (fast) instead of migrating. */
export default async function setup(project: TestProject) {
  const name = `${process.env.TEST_DATABASE_PREFIX ?? "db"}_tpl_${randomBytes(4).toString("hex")}`;
  await admin((client) => client.query(`create database ${name}`));
  const handle = await openDatabase({ url: urlOf(name), poolSize: 2 });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  project.provide("templateDatabase", name);
  return async () => {
    await admin((client) => client.query(`drop database if exists ${name} with (force)`));
  };
}
