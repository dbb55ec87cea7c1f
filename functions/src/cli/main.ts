#!/usr/bin/env node
/** `tdkt` entry point. */
import { runCli } from "./run.js";

process.exitCode = await runCli(process.argv.slice(2));
