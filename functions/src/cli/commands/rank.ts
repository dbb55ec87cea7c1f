/** `tdkt rank --year Y [--cluster C] [--json]`: the cụm/khối ranking from stored data. */
import { rankingMessages as msg } from "../../domain/messages/index.js";
import type { YearRankings } from "../../domain/ranking/schema.js";
import { rankYear } from "../../services/rankings.js";
import { commandOptions } from "../args.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";

export const rankCommand: CliCommand = {
  name: "rank",
  summary: msg.rankSummary,
  usage: msg.rankUsage,
  run: async (args, io) => {
    const values = commandOptions(
      args,
      { year: { type: "string" }, cluster: { type: "string" }, json: { type: "boolean" } },
      msg.rankUsage,
      io,
    );
    if (!values) return 2;
    const { year } = values;
    if (!year) {
      io.stderr(msg.rankUsage);
      return 2;
    }
    const rankings = await withFirestore((db) => rankYear(db, year, { clusterId: values.cluster }));
    io.stdout(values.json ? `${JSON.stringify(rankings, null, 2)}\n` : rankingText(rankings));
    return 0;
  },
};

/** The terminal's table: clusters in order, ties explained, then the individual quotas and RT-05. */
function rankingText(rankings: YearRankings): string {
  const lines = [msg.rankHeading(rankings.year), ""];
  for (const cluster of rankings.clusters) {
    lines.push(msg.clusterHeading(cluster.clusterId, cluster.units.length));
    for (const unit of cluster.units) {
      lines.push(msg.unitLine(unit));
      if (unit.tieBreak) lines.push(msg.tieLine(unit.tieBreak));
    }
    lines.push("");
  }
  for (const quota of rankings.individuals.provincial) {
    lines.push(msg.quotaHeading(quota.target, quota.candidates, quota.cap));
    for (const position of quota.positions) lines.push(msg.quotaLine(position));
    lines.push("");
  }
  const over = rankings.individuals.htxsCaps.filter((cap) => !cap.ok);
  if (over.length === 0) lines.push(msg.htxsAllWithin);
  else {
    lines.push(msg.htxsHeading);
    for (const cap of over)
      for (const scope of cap.scopes)
        if (scope.excess > 0) lines.push(msg.htxsOverLine(cap.unitId, scope.message));
  }
  return `${lines.join("\n")}\n`;
}
