/**
 * The pages' own style sheets, inlined into each page (its CSP allows them by hash). Phone first: one
 * column, 16px text (no zoom on focus), touch targets of at least 48px.
 */
const BASE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#1a1a1a;background:#f4f4f1}
h1{font-size:1.3rem;margin:0 0 .25rem}
h2{font-size:1.1rem;margin:0 0 .5rem}
h3{font-size:1rem;margin:0 0 .25rem}
label{font-weight:600}
input,select,textarea,button{font:inherit;color:inherit}
input,select{min-height:48px;padding:.5rem .6rem;border:1px solid #6b6b6b;border-radius:6px;background:#fff;width:100%}
input[type=checkbox]{width:32px;min-height:32px;height:32px;margin:0 .5rem 0 0}
button{min-height:48px;padding:.5rem 1rem;border:0;border-radius:6px;background:#005a9c;color:#fff;font-weight:600;cursor:pointer}
button.secondary{background:#e2e2dc;color:#1a1a1a}
button:disabled{background:#b8b8b2;color:#3a3a3a;cursor:not-allowed}
:focus-visible{outline:3px solid #d35400;outline-offset:2px}
.hint{color:#4a4a4a;font-size:.9rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

export const FORM_CSS = `${BASE}
#app{max-width:720px;margin:0 auto;padding:.75rem}
header{padding:.5rem 0}
.card{background:#fff;border-radius:8px;padding:.75rem;margin:0 0 .75rem;box-shadow:0 1px 2px rgba(0,0,0,.12)}
.field{display:flex;flex-direction:column;gap:.25rem;margin:0 0 .6rem}
.field.check{flex-direction:row;align-items:center}
.item{border-top:1px solid #e2e2dc;padding:.6rem 0}
.item .inputs{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:0 .6rem}
.requirement{margin:0 0 .4rem;color:#3a3a3a;font-size:.95rem}
.max{font-weight:400;color:#4a4a4a}
.live{position:sticky;bottom:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline;background:#005a9c;color:#fff;padding:.6rem .75rem;border-radius:8px 8px 0 0;margin:0 -.75rem;box-shadow:0 -2px 6px rgba(0,0,0,.2)}
.live strong{font-size:1.4rem}
.live [data-verdict]{color:#fff}
.item .error:empty{display:none}
.item .error{color:#a40000;font-weight:600;margin:.25rem 0 0}
.summary{display:grid;grid-template-columns:auto 1fr;gap:.1rem .75rem;margin:0 0 .5rem}
.summary dt{font-weight:600}.summary dd{margin:0}
#total{font-size:1.4rem;font-weight:700}
[data-verdict=fail]{color:#a40000;font-weight:700}[data-verdict=pass]{color:#0b6b1f;font-weight:700}
table{width:100%;border-collapse:collapse;font-size:.9rem}
th,td{text-align:left;padding:.25rem;border-bottom:1px solid #e2e2dc;vertical-align:top}
td.num{text-align:right;white-space:nowrap}
#problems:not(:empty){background:#fdecea;border-left:4px solid #a40000;padding:.5rem;margin:0 0 .5rem}
#problems ul{margin:.25rem 0 0;padding-left:1.2rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.actions p{flex-basis:100%;margin:.25rem 0}
`;

export const PLAYGROUND_CSS = `${BASE}
header{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end;justify-content:space-between;padding:.75rem 1rem;background:#fff;border-bottom:1px solid #d0d0ca}
.controls{display:flex;gap:1rem;flex-wrap:wrap}
.field{display:flex;flex-direction:column;gap:.25rem}
.panes{display:grid;grid-template-columns:repeat(auto-fit,minmax(360px,1fr));gap:1rem;padding:1rem}
section{min-width:0}
.editor{display:flex;height:min(60vh,560px);border:1px solid #6b6b6b;border-radius:6px;background:#fff;overflow:hidden}
#gutter{flex:none;margin:0;padding:.5rem .4rem;background:#efefea;color:#4a4a4a;text-align:right;overflow:hidden;user-select:none;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace}
.editor textarea{height:100%;resize:none}
textarea{width:100%;border:0;padding:.5rem;resize:vertical;font:14px/1.45 ui-monospace,Menlo,Consolas,"Noto Sans Mono CJK SC",monospace;white-space:pre;overflow:auto}
#record{border:1px solid #6b6b6b;border-radius:6px}
#diagnostics{font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;padding-left:1.5rem}
#diagnostics li{margin:.2rem 0}
#diagnostics .error code{color:#a40000}#diagnostics .warning code{color:#7a4a00}
button.goto{min-height:32px;padding:.1rem .4rem;background:#e2e2dc;color:#1a1a1a;font:inherit}
#scorecard{background:#fff;border:1px solid #d0d0ca;border-radius:6px;padding:.75rem;white-space:pre-wrap;font:13px/1.5 ui-monospace,Menlo,Consolas,"Noto Sans Mono CJK SC",monospace}
`;
