// Programmatic use of the audit: the crawl, one page, the report and the browser it runs in.
export { runAudit, launchBrowser, summarise } from './audit.js';
export { auditPage, type PageAuditOptions } from './audit-page.js';
export { formatReport } from './report.js';
export { parseArgs } from './args.js';
export { chromiumPath, CHROMIUM_ARGS } from './chromium-path.mjs';
export type * from './types.js';
