import { CHANNELS, type NpsReport } from '@parley/protocol';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { SurveyRecord } from '../store/records.js';
import { isoWeek, npsFigures } from './npsFigures.js';

function groupScores(surveys: readonly SurveyRecord[], keyOf: (s: SurveyRecord) => string | null) {
  const groups = new Map<string, { scores: number[]; sample: SurveyRecord }>();
  for (const survey of surveys) {
    const key = keyOf(survey);
    if (key === null) continue;
    const group = groups.get(key) ?? { scores: [], sample: survey };
    group.scores.push(survey.score);
    groups.set(key, group);
  }
  return groups;
}

/**
 * NPS overall and by agent, channel and ISO week, over an optional time range.
 *
 * @example
 * await npsReport(ctx, { from: '2026-11-01T00:00:00Z' });
 */
export async function npsReport(
  ctx: ServiceContext,
  range: { from?: string; to?: string },
): Promise<NpsReport> {
  const surveys = await ctx.store.listSurveys(range);
  const byAgent = groupScores(surveys, (s) => s.agentId);
  const byChannel = groupScores(surveys, (s) => s.channel);
  const byWeek = groupScores(surveys, (s) => isoWeek(s.submittedAt));
  return {
    overall: npsFigures(surveys.map((s) => s.score)),
    byAgent: [...byAgent].map(([agentId, group]) => ({
      agentId,
      agentName: group.sample.agentName ?? agentId,
      figures: npsFigures(group.scores),
    })),
    byChannel: CHANNELS.filter((channel) => byChannel.has(channel)).map((channel) => ({
      channel,
      figures: npsFigures(byChannel.get(channel)?.scores ?? []),
    })),
    byWeek: [...byWeek.keys()]
      .sort()
      .map((week) => ({ week, figures: npsFigures(byWeek.get(week)?.scores ?? []) })),
  };
}
