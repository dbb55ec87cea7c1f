/** Assembles the `api` handler from configuration: Firestore, token verifier, every route group. */
import type { Firestore } from "@google-cloud/firestore";
import { audienceSource } from "../services/auth-config.js";
import type { AppConfig } from "../services/config.js";
import { type ApiHandler, createApiHandler } from "./app.js";
import type { Logger } from "./log.js";
import type { Route } from "./route.js";
import { allRoutes } from "./routes/index.js";
import { type CertificateSource, createTokenVerifier } from "./tokens.js";

export interface ApiSetup {
  db: Firestore;
  config: AppConfig;
  routes?: readonly Route[];
  certificates?: CertificateSource;
  logger?: Logger;
}

export function createApi(setup: ApiSetup): ApiHandler {
  const audiences = audienceSource(setup.db, setup.config.authAudiences);
  const verifier = createTokenVerifier({
    audiences: audiences.audiences,
    devSecret: setup.config.env === "production" ? undefined : setup.config.devAuthSecret,
    ...(setup.certificates ? { certificates: setup.certificates } : {}),
  });
  return createApiHandler({
    deps: { db: setup.db, config: setup.config, audiences },
    routes: setup.routes ?? allRoutes,
    verifier,
    ...(setup.logger ? { logger: setup.logger } : {}),
  });
}
