/**
 * The report's only style sheet, inlined in the page. Every status has a word and a colour (the
 * word is always there, so colour is never the only sign); contrast is at least 4.5:1 on white.
 * Printed, each section starts a page and the navigation is left out.
 */
export const REPORT_CSS = `:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem; color: #1b1b1b; background: #fff; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #1b1b1b; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
a { color: #0b4f9c; }
table { border-collapse: collapse; margin: 0.75rem 0; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #8a8a8a; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #ececec; }
td.number { text-align: right; }
pre { background: #f5f5f5; border: 1px solid #d0d0d0; padding: 0.5rem; overflow-x: auto; font-size: 0.85rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.drawing svg { max-width: 100%; height: auto; }
.verdict.pass, td.ok { color: #0f5c2e; }
.verdict.fail, td.short { color: #a4161a; }
.blocked { border-left: 4px solid #a4161a; padding-left: 0.5rem; }
ol.diagnostics { padding-left: 1.25rem; }
.diagnostic.error { border-left: 4px solid #a4161a; padding-left: 0.5rem; }
.diagnostic.warning { border-left: 4px solid #8a5a00; padding-left: 0.5rem; }
.diagnostic.info { border-left: 4px solid #0b4f9c; padding-left: 0.5rem; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
ul.legend .status { display: inline-block; padding: 0.1rem 0.5rem; border: 1px solid #8a8a8a; }
.status.served { background: #d8f0de; color: #0f5c2e; }
.status.without-message-waiting { background: #fff1c2; color: #6b4700; }
.status.without-answering { background: #f9d6d5; color: #8c1215; font-weight: 600; }
.status.split { background: #ead8f5; color: #5b1a80; font-weight: 600; }
.status.accepted { background: #dde7f3; color: #20426b; }
.status.down { background: #e4e4e4; color: #3b3b3b; }
.was, .inferred { font-size: 0.85em; }
@media print {
  nav { display: none; }
  body { max-width: none; padding: 0; }
  main > section { break-before: page; }
  main > section:first-child { break-before: auto; }
  table, pre, figure { break-inside: auto; }
  tr, .diagnostic { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
