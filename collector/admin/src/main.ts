// Entry of the admin bundle (dist/admin.js): the page-level look, then the elements.
import { css } from 'lit';
import { AcceptanceChart } from './acceptance-chart.js';
import { AdminApp } from './admin-app.js';
import { AnalyticsSummary } from './analytics-summary.js';
import { DecisionsChart } from './decisions-chart.js';
import { ErasuresSection } from './erasures-section.js';
import { InclusionProofs } from './inclusion-proofs.js';
import { RecordsTable } from './records-table.js';
import { SnapshotVersions } from './snapshot-versions.js';
import { SnapshotView } from './snapshot-view.js';
import { SitePicker } from './site-picker.js';
import { AdminSignIn } from './sign-in.js';
import { StatsSection } from './stats-section.js';
import { VisitorHistory } from './visitor-history.js';

// The document's own look, adopted rather than inlined: index.html has no <style> under the CSP.
document.adoptedStyleSheets = [
  ...document.adoptedStyleSheets,
  css`
    html { background: #f3f5f8; color: #1a1a1a; }
    body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
  `.styleSheet!,
];

for (const [name, element] of [
  ['admin-app', AdminApp],
  ['admin-sign-in', AdminSignIn],
  ['site-picker', SitePicker],
  ['records-table', RecordsTable],
  ['visitor-history', VisitorHistory],
  ['snapshot-view', SnapshotView],
  ['inclusion-proofs', InclusionProofs],
  ['snapshot-versions', SnapshotVersions],
  ['erasures-section', ErasuresSection],
  ['stats-section', StatsSection],
  ['decisions-chart', DecisionsChart],
  ['acceptance-chart', AcceptanceChart],
  ['analytics-summary', AnalyticsSummary],
] as const) {
  if (!customElements.get(name)) customElements.define(name, element);
}
