/** The sheets module: tab definitions, cell and row parsing, workbook and sheet rendering. */

export * from "./board.js";
export * from "./cells.js";
export * from "./definition.js";
export * from "./parse.js";
export * from "./render.js";
export * from "./schema.js";
export * from "./tabs/index.js";
