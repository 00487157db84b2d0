/**
 * The HTML report's style sheet, inlined in its <style> (the report fetches nothing): system CJK
 * fonts, a screen layout, and a print layout that keeps only the 评比栏, one A4 page per group.
 * A TypeScript module rather than a .css file so that tsup, vitest and an installed package read it
 * alike, with no loader or file lookup.
 */

/** Fonts that have Chinese on Linux, macOS and Windows, then the system's sans-serif. */
export const FONT_STACK = `"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif`;

export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 15px; line-height: 1.5; color: #1b1b1b; background: #fff; }
main, header.top, footer { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
header.top { padding-top: 1.25rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 2px solid #c62828; padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .4rem; }
p { margin: .4rem 0; }
.meta, .muted, caption { color: #555; }
.alert { background: #fff4e5; border-left: 4px solid #e65100; padding: .5rem .75rem; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; margin: .75rem 0 0; }
a { color: #1f5fa8; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 .5rem; }
caption { text-align: left; font-size: .9rem; padding-bottom: .25rem; }
th, td { border: 1px solid #d0d0d0; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #f3f3f3; font-weight: 600; }
tbody th { font-weight: 400; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.rank { text-align: center; font-weight: 700; white-space: nowrap; }
td.change { white-space: nowrap; text-align: center; }
.up { color: #1b7f3b; } .down { color: #c62828; } .same, .none { color: #777; }
tr.awarded { background: #fdecea; }
tr.awarded th { font-weight: 700; }
tr.unranked td, tr.unranked th { color: #666; }
.veto { color: #b71c1c; font-weight: 700; }
.flag { vertical-align: -2px; margin-right: .2rem; }
.boards { display: flex; gap: 1rem; flex-wrap: wrap; margin: .5rem 0; }
.board { flex: 1 1 14rem; border: 1px solid #d0d0d0; border-top-width: 4px; padding: .25rem .75rem .5rem; }
.board.top { border-top-color: #c62828; } .board.bottom { border-top-color: #333; }
.board h4 { margin: .25rem 0; } .board ol { margin: 0; padding-left: 1.5rem; }
.notes { margin: .25rem 0; padding-left: 1.25rem; }
.group-page h3 { font-size: 1.15rem; }
.print-only { display: none; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg.spark { display: block; }
details { border: 1px solid #d0d0d0; border-radius: 4px; margin: .4rem 0; padding: 0 .75rem; }
details[open] { padding-bottom: .5rem; }
summary { cursor: pointer; padding: .4rem 0; }
summary .name { font-weight: 700; margin-right: .5rem; }
details.unit .lines th[scope=rowgroup] { min-width: 8rem; }
.lines .item { min-width: 5.5em; } .lines .src { min-width: 6.5em; }
.tag { display: inline-block; font-size: .8rem; border: 1px solid #999; border-radius: 3px; padding: 0 .25rem; margin-right: .25rem; }
small { color: #555; }
footer { margin-top: 2rem; padding-bottom: 2rem; color: #666; font-size: .85rem; }
@page { size: A4; margin: 12mm; }
@media print {
  body { font-size: 11pt; }
  main, header.top, footer { max-width: none; padding: 0; }
  header.top, nav, #costliest, #units, #history, footer, .screen-only { display: none; }
  h2 { display: none; }
  .print-only { display: inline; }
  .group-page + .group-page { break-before: page; }
  .group-page h3 { font-size: 18pt; margin: 0 0 10pt; }
  table.league { font-size: 13pt; }
  table.league th, table.league td { padding: 4pt 6pt; }
  .board { font-size: 12pt; }
  table, svg, .boards, .board, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  tr.awarded { background: #fdecea; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
