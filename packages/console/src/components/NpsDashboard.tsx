import type { NpsFigures, NpsReport } from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { fetchNps } from '../api/staffApi';
import { channelLabel } from '../text/channelLabel';
import { useConsole } from './ConsoleContext';

const npsText = (f: NpsFigures) => (f.nps === null ? '—' : f.nps > 0 ? `+${f.nps}` : String(f.nps));

function FiguresTable(props: {
  caption: string;
  heading: string;
  rows: { key: string; label: string; figures: NpsFigures }[];
}) {
  return (
    <table class="table nps-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.heading}</th>
          <th scope="col">NPS</th>
          <th scope="col">Answers</th>
          <th scope="col">Promoters</th>
          <th scope="col">Passives</th>
          <th scope="col">Detractors</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td class="nps-value">{npsText(row.figures)}</td>
            <td>{row.figures.responses}</td>
            <td>{row.figures.promoters}</td>
            <td>{row.figures.passives}</td>
            <td>{row.figures.detractors}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Net Promoter Score from the one-question survey, overall and by agent, channel and ISO week.
 * Loaded when shown and on request — no polling.
 *
 * @example
 * <NpsDashboard />
 */
export function NpsDashboard() {
  const { token } = useConsole();
  const [report, setReport] = useState<NpsReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    const result = await fetchNps(token(), {});
    if (result.ok) {
      setReport(result.data);
      setError(null);
    } else setError(result.error.message);
  };
  useEffect(() => {
    void load();
  }, []);
  return (
    <section class="nps" aria-labelledby="nps-title">
      <div class="section-head">
        <h2 id="nps-title">Net Promoter Score</h2>
        <button type="button" class="button small" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      {error !== null && (
        <p class="callout error" role="alert">
          {error}
        </p>
      )}
      {report === null ? (
        error === null && <p class="muted">Loading…</p>
      ) : (
        <>
          <div class="stat-row">
            <div class="stat">
              <span class="stat-value" data-testid="nps-overall">
                {npsText(report.overall)}
              </span>
              <span class="stat-label">NPS overall, {report.overall.responses} answers</span>
            </div>
          </div>
          <div class="nps-grid">
            <FiguresTable
              caption="By agent"
              heading="Agent"
              rows={report.byAgent.map((a) => ({
                key: a.agentId,
                label: a.agentName,
                figures: a.figures,
              }))}
            />
            <FiguresTable
              caption="By channel"
              heading="Channel"
              rows={report.byChannel.map((c) => ({
                key: c.channel,
                label: channelLabel(c.channel),
                figures: c.figures,
              }))}
            />
            <FiguresTable
              caption="By week"
              heading="ISO week"
              rows={report.byWeek.map((w) => ({ key: w.week, label: w.week, figures: w.figures }))}
            />
          </div>
        </>
      )}
    </section>
  );
}
