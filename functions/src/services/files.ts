/**
 * Where generated files go: a local folder by default (config.filesDir), Google Drive when
 * config.driveFolderId is set. Both return the file's reference in the store, recorded in the
 * dossier and shown to callers: the relative name, or "drive:ID" — never a path of the server.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { Readable } from "node:stream";
import type { AppConfig } from "./config.js";

export interface FileStore {
  /** Stores `bytes` under the relative `name` ("unit/2025-2026/to-trinh.pdf"); returns its reference. */
  put(name: string, bytes: Buffer, mimeType: string): Promise<string>;
}

/** Files under `root`; the reference is the name itself, which the CLI joins to its --out folder. */
export function localFileStore(root: string): FileStore {
  return {
    put: async (name, bytes) => {
      const path = resolve(root, name);
      const inside = relative(resolve(root), path);
      if (inside === "" || inside.startsWith("..") || isAbsolute(inside))
        throw new Error(`File name outside the file store: ${name}`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      return inside;
    },
  };
}

/** Drive through the service account of the function (application default credentials). */
function driveFileStore(folderId: string): FileStore {
  return {
    put: async (name, bytes, mimeType) => {
      const { drive, auth } = await import("@googleapis/drive");
      const client = drive({
        version: "v3",
        auth: new auth.GoogleAuth({ scopes: ["https://www.googleapis.com/auth/drive.file"] }),
      });
      const created = await client.files.create({
        requestBody: { name: name.replaceAll("/", "_"), parents: [folderId] },
        media: { mimeType, body: Readable.from(bytes) },
        fields: "id",
        supportsAllDrives: true,
      });
      return `drive:${created.data.id ?? ""}`;
    },
  };
}

export const fileStoreFor = (config: Pick<AppConfig, "filesDir" | "driveFolderId">): FileStore =>
  config.driveFolderId ? driveFileStore(config.driveFolderId) : localFileStore(config.filesDir);
