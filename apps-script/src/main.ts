/**
 * The entry point (the google/aside pattern): every export becomes a global function of Code.js
 * (build.ts adds the stubs Apps Script sees). It only gathers the real services and delegates to
 * app.ts; all logic lives in modules that the tests run against fakes.
 */

import { app, MENU } from "./app.js";
import { bytesToHex, requestDeadline } from "./client.js";
import type { EditEvent } from "./edit.js";
import type { AppsScriptEnv, UiPort, ValidationFactory } from "./ports.js";
import { appsScriptMessages } from "./server.js";

const validation: ValidationFactory = {
  list: (values, help) =>
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...values], true)
      .setAllowInvalid(false)
      .setHelpText(help)
      .build(),
  date: (help) =>
    SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(true).setHelpText(help).build(),
  number: (min, max, help) => {
    const rule = SpreadsheetApp.newDataValidation().setAllowInvalid(true).setHelpText(help);
    if (min !== undefined && max !== undefined) rule.requireNumberBetween(min, max);
    else if (min !== undefined) rule.requireNumberGreaterThanOrEqualTo(min);
    else if (max !== undefined) rule.requireNumberLessThanOrEqualTo(max);
    else rule.requireNumberBetween(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    return rule.build();
  },
};

function uiPort(): UiPort {
  const ui = SpreadsheetApp.getUi();
  return {
    alert: (message) => {
      ui.alert(message);
    },
    prompt: (message) => {
      const response = ui.prompt(appsScriptMessages.menuTitle, message, ui.ButtonSet.OK_CANCEL);
      return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
    },
  };
}

/**
 * `interactive` false for triggers: getUi() throws outside a user's click. Each global calls this
 * first, so the run's deadline counts from its start.
 */
function env(interactive: boolean): AppsScriptEnv {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return {
    spreadsheet,
    documentProperties: PropertiesService.getDocumentProperties(),
    scriptProperties: PropertiesService.getScriptProperties(),
    lock: LockService.getDocumentLock(),
    fetch: (url, params) => UrlFetchApp.fetch(url, params),
    identityToken: () => ScriptApp.getIdentityToken(),
    requireAllScopes: () => ScriptApp.requireAllScopes(ScriptApp.AuthMode.FULL),
    sha256Hex: (text) =>
      bytesToHex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8)),
    userEmail: () => Session.getEffectiveUser().getEmail(),
    uuid: () => Utilities.getUuid(),
    sleep: (ms) => Utilities.sleep(ms),
    now: () => Date.now(),
    deadline: requestDeadline(Date.now()),
    validation,
    triggers: {
      list: () =>
        ScriptApp.getProjectTriggers().map((trigger) => ({
          handler: trigger.getHandlerFunction(),
          remove: () => ScriptApp.deleteTrigger(trigger),
        })),
      onEdit: (handler) => {
        ScriptApp.newTrigger(handler).forSpreadsheet(spreadsheet).onEdit().create();
      },
      everyHours: (handler, hours) => {
        ScriptApp.newTrigger(handler).timeBased().everyHours(hours).create();
      },
    },
    ui: interactive ? uiPort() : undefined,
  };
}

/** What Apps Script passes to onOpen and onInstall; only the authorization mode matters here. */
interface OpenEvent {
  authMode?: GoogleAppsScript.Script.AuthMode;
}

/**
 * An add-on's menu goes under Extensions (createAddonMenu). Only an add-on opens with AuthMode.NONE
 * (installed, not yet used in this spreadsheet), where even properties may not be read, so the menu
 * is built from constants alone.
 */
const runsAsAddon = (event: OpenEvent | undefined): boolean =>
  event?.authMode === ScriptApp.AuthMode.NONE ||
  ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;

export function onOpen(event?: OpenEvent): void {
  const ui = SpreadsheetApp.getUi();
  const menu = runsAsAddon(event) ? ui.createAddonMenu() : ui.createMenu(appsScriptMessages.menuTitle);
  for (const entry of MENU) {
    if (entry === "separator") menu.addSeparator();
    else menu.addItem(entry.label, entry.handler);
  }
  menu.addToUi();
}

/** The add-on's install: shows the menu at once in the spreadsheet it was installed from. */
export function onInstall(event?: OpenEvent): void {
  onOpen(event);
}

export const setupTemplate = (): void => app.setupTemplate(env(true));
export const submitActiveTab = (): void => app.submitActiveTab(env(true));
export const submitAll = (): void => app.submitAll(env(true));
export const resendActiveTab = (): void => app.resendActiveTab(env(true));
export const checkEligibility = (): void => app.checkEligibility(env(true));
export const showSummary = (): void => app.showSummary(env(true));
export const showBoard = (): void => app.showBoard(env(true));
export const buildDossier = (): void => app.buildDossier(env(true), Utilities.getUuid(), new Date());
export const settings = (): void => app.settings(env(true));
export const installTriggers = (): void => app.installTriggers(env(true), new Date());
export const showClientId = (): void => app.showClientId(env(true));

/** Installable edit trigger (not named onEdit, so it never also runs as a simple trigger). */
export function onEditInstallable(event: EditEvent): void {
  app.onEditInstallable(event);
}

export function submitScheduled(): void {
  for (const message of app.submitScheduled(env(false))) console.log(message);
}
