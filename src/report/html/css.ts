/**
 * The report's one stylesheet: system fonts only (Chinese first: PingFang / Microsoft YaHei / Noto Sans
 * CJK / Source Han Sans / WenQuanYi), no web fonts, no url() of any kind, and a print layout that keeps
 * the heatmap's symbols and drops the navigation.
 */
export const REPORT_CSS = `
:root {
  --ink: #1d2430; --muted: #5b6473; --faint: #8a93a3; --rule: #dde2ea; --bg: #ffffff; --panel: #f6f8fb;
  --accent: #1f5f99; --full: #2a7a62; --partial: #e8b64c; --none: #f6ede9; --none-ink: #b24a3b; --na: #eef0f3;
  --good: #2a7a62; --warn: #c26a12; --bad: #b24a3b;
  --sans: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.7 var(--sans); }
main { max-width: 1420px; margin: 0 auto; padding: 28px 32px 64px; }
h1 { font-size: 26px; line-height: 1.35; margin: 0 0 6px; letter-spacing: .02em; }
h2 { font-size: 20px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 17px; margin: 0 0 8px; }
h4 { font-size: 15px; margin: 18px 0 6px; color: var(--accent); }
p { margin: 6px 0; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, .mono { font-family: var(--mono); font-size: 12.5px; }
small, .muted { color: var(--muted); }
.sub { color: var(--muted); margin: 0 0 14px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 8px; }
.card { background: var(--panel); border: 1px solid var(--rule); border-radius: 8px; padding: 8px 16px; min-width: 110px; }
.card b { display: block; font-size: 22px; line-height: 1.3; }
.card span { color: var(--muted); font-size: 13px; }
nav.toc { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 10px 0 0; font-size: 14px; }
.note { color: var(--muted); font-size: 13px; margin: 4px 0 10px; }
.scroll { overflow-x: auto; }

/* tables */
table { border-collapse: collapse; font-size: 13.5px; }
table.data { width: 100%; margin: 8px 0 14px; }
table.data th, table.data td { border-bottom: 1px solid var(--rule); padding: 5px 8px; text-align: left; vertical-align: top; }
table.data thead th { background: var(--panel); font-weight: 600; white-space: nowrap; border-bottom: 1px solid #c9d0db; }
table.data td.n, table.data th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data tr.measure td { color: #364152; font-size: 13px; }
table.data tr.measure td.t { padding-left: 26px; }
table.data tr.extra td { background: #fbf7ee; }
table.data tr.grp td { font-weight: 600; }
table.data.narrow { width: auto; min-width: 420px; }
.it { display: block; font-size: 11.5px; color: var(--muted); line-height: 1.4; }

/* heatmap */
table.heat { font-size: 12px; margin: 8px 0 4px; }
table.heat th, table.heat td { border: 1px solid #fff; }
table.heat thead th { background: var(--panel); font-weight: 600; color: #364152; }
table.heat th.grp { font-size: 12px; line-height: 1.35; padding: 4px 3px; vertical-align: bottom; border-left: 2px solid #fff; }
table.heat th.grp code { display: block; font-size: 10.5px; font-weight: 400; color: var(--faint); }
table.heat th.col { font-size: 11px; width: 22px; min-width: 22px; height: 22px; text-align: center; font-weight: 400; color: var(--muted); }
table.heat th.col.top { font-weight: 700; color: var(--ink); }
table.heat th.rl { text-align: left; white-space: nowrap; padding: 2px 10px 2px 4px; font-weight: 600; background: #fff; }
table.heat th.rl small { font-weight: 400; margin-left: 6px; }
table.heat td.c { width: 22px; height: 24px; text-align: center; font-size: 13px; line-height: 1; padding: 0; }
table.heat td.c.g0 { border-left: 2px solid #fff; }
table.heat td.top { font-weight: 700; }
table.heat td.f { background: var(--full); color: #fff; }
table.heat td.p { background: var(--partial); color: #3b2a00; }
table.heat td.x { background: var(--none); color: var(--none-ink); }
table.heat td.na { background: var(--na); color: var(--faint); }
table.heat td.err { background: #fff5f3; color: var(--bad); text-align: left; padding: 2px 8px; font-size: 12px; }
table.heat td.score { text-align: right; padding: 0 8px; font-variant-numeric: tabular-nums; white-space: nowrap; background: #fff; }
table.heat td.ext { padding: 0 8px; font-size: 12px; line-height: 1.35; color: var(--muted); min-width: 120px; max-width: 220px; background: #fff; }
table.heat tfoot td { font-size: 10.5px; color: var(--muted); text-align: center; padding: 2px 0; background: #fff; }
table.heat tfoot th { font-size: 11px; text-align: left; font-weight: 400; color: var(--muted); padding: 2px 4px; background: #fff; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 13px; color: var(--muted); margin: 4px 0 8px; align-items: center; }
.legend i { display: inline-block; width: 20px; height: 20px; line-height: 20px; text-align: center; font-style: normal; margin-right: 6px; vertical-align: middle; border-radius: 2px; }
.legend i.f { background: var(--full); color: #fff; } .legend i.p { background: var(--partial); color: #3b2a00; }
.legend i.x { background: var(--none); color: var(--none-ink); } .legend i.na { background: var(--na); color: var(--faint); }
.key { columns: 2 360px; column-gap: 28px; font-size: 13px; margin: 10px 0; }
.key div { break-inside: avoid; margin: 0 0 10px; }
.key b { display: block; }
.key ol { margin: 2px 0 0; padding-left: 22px; }
.key code { color: var(--faint); font-size: 11px; margin-left: 4px; }

/* chart */
figure { margin: 10px 0 16px; }
figure svg { max-width: 100%; height: auto; font-family: var(--sans); }
figcaption { font-size: 13px; color: var(--muted); }

/* badges */
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12px; line-height: 20px; white-space: nowrap; border: 1px solid currentColor; }
.v-exceeds, .v-meets { color: var(--good); } .v-at-threshold { color: var(--warn); } .v-falls-short { color: var(--bad); } .v-unknown { color: var(--faint); }
.r-equivalent { color: var(--good); } .r-broader, .r-narrower { color: var(--accent); } .r-overlapping { color: var(--warn); } .r-none { color: var(--faint); }

/* plans */
article.plan { border: 1px solid var(--rule); border-radius: 10px; padding: 18px 22px; margin: 18px 0; break-inside: avoid-page; }
article.plan.unread { border-color: #e8c4bd; background: #fffaf8; }
article.plan h3 .lvl { font-weight: 400; color: var(--muted); font-size: 14px; margin-left: 8px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; font-size: 14px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
blockquote { margin: 4px 0; padding: 2px 12px; border-left: 3px solid var(--rule); color: #364152; font-size: 13.5px; }
.ev { display: inline-block; font-size: 12px; background: var(--panel); border: 1px solid var(--rule); border-radius: 4px; padding: 0 5px; margin: 1px 3px 1px 0; line-height: 19px; }
.ev small { color: var(--faint); font-family: var(--mono); font-size: 10.5px; margin-left: 3px; }
.raw { font-size: 12px; color: var(--muted); }
ul.tight { margin: 4px 0; padding-left: 20px; font-size: 14px; }
.diag-error { color: var(--bad); } .diag-warning { color: var(--warn); } .diag-info { color: var(--muted); }
details { margin: 6px 0; }
details > summary { cursor: pointer; color: var(--accent); font-size: 14px; }
.bar { display: inline-block; height: 8px; background: var(--accent); border-radius: 2px; vertical-align: middle; margin-right: 6px; }
footer { margin-top: 48px; color: var(--faint); font-size: 12px; border-top: 1px solid var(--rule); padding-top: 10px; }

@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav.toc, .noprint { display: none; }
  h2 { break-after: avoid; }
  .scroll { overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  article.plan { border-color: #999; }
  details > summary { display: none; }
  details::details-content { display: block; content-visibility: visible; }
  a { color: inherit; }
}
`;
