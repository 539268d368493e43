import { createHash } from 'node:crypto';
import { escapeHtml as e, jsonForScript } from './_escape.js';
import { sourceHref } from './_links.js';
import { kindMixChart } from './chart-kind-mix.js';
import { lawCheckChart, lawCheckList } from './chart-law-checks.js';
import { monthKindHeatmap } from './chart-month-kind.js';
import { CLIENT_SCRIPT } from './client.js';
import type { ReportData } from './data.js';
import { DOC_TYPE_LABELS, label, LEVEL_LABELS } from './labels.js';
import { pageStyle } from './style.js';
import { clientData } from './table-data.js';
import { itemsSection } from './table-html.js';

export interface PageContext {
  generatedAt: Date;
  /** The database path as the user gave it, shown on the page. */
  dbPath: string;
  /** Folder that relative source paths are resolved against. */
  cwd: string;
  /** Folder the page is written to: source links are relative to it. */
  reportDir: string;
}

/**
 * The whole page as one string: inline style, inline SVG charts, the items as a JSON data block in
 * columns (table-data.ts) and one inline script that shows them in a windowed table (client.ts).
 * The charts are drawn here from the views' aggregates, so their size follows the jurisdictions
 * and kinds, not the items. Escaping is the defence (every document string goes through escapeHtml or
 * jsonForScript, and the script writes with textContent); the Content-Security-Policy, which allows
 * exactly this script and style by hash and no fetch of any kind, is the second line.
 */
export function renderReport(data: ReportData, ctx: PageContext): string {
  const style = pageStyle(data.kinds);
  const table = clientData(data, ctx);
  const csp = [
    "default-src 'none'",
    `script-src '${sha256(CLIENT_SCRIPT)}'`,
    `style-src '${sha256(style)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const copies = data.documents.filter((d) => d.copyOf !== null).length;
  const jurisdictions = new Set(data.documents.map((d) => d.jurisdiction.key)).size;
  const laws = new Set(data.lawChecks.flatMap((r) => r.laws.map((l) => l.law))).size;
  const sources = new Set(data.documents.map((d) => d.sourcePath)).size;
  const stat = (n: number, what: string, id: string) => `<li id="stat-${id}"><b>${n}</b>${what}</li>`;

  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="renda report">
<title>renda report</title>
<link rel="icon" href="data:,">
<style>${style}</style>
</head>
<body>
<header>
<h1>renda report</h1>
<p class="meta">Generated <time datetime="${e(ctx.generatedAt.toISOString())}">${e(ctx.generatedAt.toISOString())}</time> from <code>${e(ctx.dbPath)}</code></p>
<ul class="summary">
${stat(data.documents.length, 'documents', 'documents')}
${stat(data.items.length, 'items', 'items')}
${stat(jurisdictions, 'jurisdictions', 'jurisdictions')}
${stat(sources, 'source files', 'sources')}
${stat(laws, 'laws inspected', 'laws')}
</ul>
${copies ? `<p class="note">${copies} documents are twin copies of another (the same plan read from a second file). The charts count each plan once; the table lists every copy unless “hide twin copies” is ticked.</p>` : ''}
</header>
<section id="section-kind-mix">
<h2>Kind mix per jurisdiction</h2>
<p class="note">Each jurisdiction's items by kind of act, as shares of its total (the number at the end); from <code>v_kind_counts</code>.</p>
${kindMixChart(data)}
</section>
<section id="section-month-kind">
<h2>Month × kind</h2>
<p class="note">Items scheduled in each month, by kind; an item scheduled in several months counts in each; from <code>v_month_kind</code>.</p>
${monthKindHeatmap(data)}
</section>
<section id="section-law-checks">
<h2>Law checks per jurisdiction</h2>
<p class="note">Laws and regulations inspected (执法检查), one block per law; from <code>v_law_checks</code>.</p>
${lawCheckChart(data)}
${lawCheckList(data)}
</section>
<section id="section-documents">
<h2>Documents</h2>
${documentsTable(data, ctx)}
</section>
<section id="section-items">
<h2>Items</h2>
${itemsSection(table, copies)}
<noscript><p class="note">The item table needs JavaScript; the charts and the documents list above do not.</p></noscript>
</section>
<script type="application/json" id="data">${jsonForScript(table)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

function documentsTable(data: ReportData, ctx: PageContext): string {
  const rows = data.documents.map((d) => {
    const copy = d.copyOf !== null ? ' <span class="note">(twin copy)</span>' : '';
    return (
      `<tr><td>${e(d.title)}${copy}</td><td title="${e(d.docType)}">${e(label(DOC_TYPE_LABELS, d.docType))}</td><td>${d.year ?? ''}${d.reviewYear !== null ? ` <span class="note">(reviews ${d.reviewYear})</span>` : ''}</td>` +
      `<td>${e(d.jurisdiction.name)}</td><td>${e(label(LEVEL_LABELS, d.jurisdiction.level))}</td><td>${d.items}</td>` +
      `<td class="source"><a href="${e(sourceHref(d.sourcePath, null, ctx))}">${e(d.sourcePath)}</a></td></tr>`
    );
  });
  return (
    `<details><summary>${data.documents.length} documents from ${new Set(data.documents.map((d) => d.sourcePath)).size} files</summary>\n` +
    '<table id="documents"><thead><tr><th>title</th><th>type</th><th title="the year the document is for; a work report: its congress session (it reviews the year before)">year</th><th>jurisdiction</th><th>level</th><th>items</th><th>source</th></tr></thead><tbody>\n' +
    rows.join('\n') +
    '\n</tbody></table></details>'
  );
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
