//! The page's one style sheet, inlined so the file stands alone.
//!
//! Colours are a slate neutral scale with two signals: indigo for ordinary data and rose for what
//! the reader should look at (highlighted bars and flows, missed items); green means found.

/// The CSS for the whole page, including the SVG drawings.
pub(crate) const CSS: &str = r#":root{--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--bg:#f5f7fa;--card:#fff;
--accent:#6366f1;--hot:#e11d48;--good:#15803d;--bad:#b91c1c;--radius:12px;
--font:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,"Noto Sans Arabic",sans-serif}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 var(--font);
-webkit-print-color-adjust:exact;print-color-adjust:exact}
.wrap{max-width:1240px;margin:0 auto;padding:0 24px}
.page-head{background:linear-gradient(135deg,#0f172a,#1e293b 60%,#312e81);color:#f8fafc;padding:28px 0 30px;margin-bottom:24px}
.page-head .brand{margin:0 0 6px;font-size:12px;letter-spacing:.14em;text-transform:uppercase;color:#a5b4fc;font-weight:600}
.page-head h1{margin:0;font-size:30px;line-height:1.2;font-weight:700;letter-spacing:-.01em}
.page-head .subtitle{margin:8px 0 0;color:#cbd5e1;font-size:16px}
.page-head .meta{margin:10px 0 0;color:#94a3b8;font-size:13px}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);
box-shadow:0 1px 2px rgba(15,23,42,.04),0 4px 14px rgba(15,23,42,.04)}
.metrics{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:14px;margin-bottom:26px}
.metric{padding:16px 18px}
.metric .label{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:600}
.metric .value{font-size:30px;font-weight:700;line-height:1.15;margin-top:6px;font-variant-numeric:tabular-nums}
.metric .value.found{color:var(--good)}
.metric .value.missed{color:var(--bad)}
.metric .metric-note{font-size:13px;color:var(--muted);margin-top:4px}
.toc{margin:0 0 30px;display:flex;align-items:baseline;gap:8px 18px;flex-wrap:wrap;
border-bottom:1px solid var(--line);padding-bottom:14px}
.toc h2{font-size:12px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);margin:0}
.toc ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:8px 20px}
.toc a{color:var(--ink);text-decoration:none;font-weight:500}
.toc a:hover{color:var(--accent)}
.toc .n{display:inline-block;min-width:20px;height:20px;line-height:20px;border-radius:10px;
background:#e0e7ff;color:#3730a3;font-size:11px;font-weight:700;text-align:center;margin-right:7px}
.section{margin-bottom:38px;scroll-margin-top:16px}
.section>h2{font-size:22px;margin:0 0 6px;letter-spacing:-.01em}
.intro{margin:0 0 16px;color:#334155;max-width:78ch;white-space:pre-line}
.section>.card,.section>.note{margin:0 0 16px}
figure{margin:0}
figure.card{padding:16px 18px}
figure h3{margin:0 0 10px;font-size:15px}
figcaption,.caption{font-size:13px;color:var(--muted);margin:10px 0 0}
.table-card{padding:0;overflow:hidden}
.table-card .caption{padding:0 16px 12px}
.table-wrap{max-height:520px;overflow:auto}
table{border-collapse:separate;border-spacing:0;width:100%;font-size:14px}
th,td{padding:8px 14px;text-align:left;border-bottom:1px solid var(--line);vertical-align:top}
th{position:sticky;top:0;z-index:1;background:#f8fafc;font-size:12px;text-transform:uppercase;
letter-spacing:.05em;color:var(--muted);font-weight:600}
tbody tr:nth-child(even) td{background:#fbfcfe}
tbody tr:hover td{background:#f1f5f9}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tbody td.found{background:#dcfce7;color:#166534;font-weight:600}
tbody td.missed{background:#fee2e2;color:#991b1b;font-weight:600}
.empty{color:var(--muted);font-style:italic;margin:10px 16px}
.note{border-left:4px solid var(--accent);background:#eef2ff;color:#312e81;padding:12px 16px;
border-radius:0 var(--radius) var(--radius) 0;white-space:pre-line}
.kv{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:0;padding:6px 0;margin:0}
.kv div{padding:8px 18px;border-bottom:1px solid #f1f5f9}
.kv dt{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.kv dd{margin:2px 0 0;font-weight:600;overflow-wrap:anywhere}
.bars-svg{display:block;max-width:100%;min-width:520px;height:auto}
.bars-svg text{font-family:var(--font);dominant-baseline:central}
.bars-svg .label{font-size:13px;fill:#334155;text-anchor:end}
.bars-svg .value{font-size:12px;font-weight:600;fill:var(--ink)}
.bars-svg .track{fill:#f1f5f9}
.bars-svg .fill{fill:var(--accent)}
.bars-svg .bar.hl .fill{fill:var(--hot)}
.bars-svg .bar.hl .label{fill:var(--hot);font-weight:600}
.scroll-x{overflow-x:auto}
.flow-svg{display:block;max-width:100%;height:auto;margin:0 auto}
.flow-svg text{font-family:var(--font)}
.flow-svg .node rect{stroke-width:1.5}
.flow-svg .node text{font-size:12px;font-weight:600;text-anchor:middle;dominant-baseline:central}
.flow-svg .node:hover rect{stroke-width:3}
.flow-svg .edge path{fill:none;stroke:#94a3b8}
.flow-svg .edge.hl path{stroke:var(--hot)}
.flow-svg .edge.back path{stroke-dasharray:6 4}
.flow-svg .edge text{font-size:11px;fill:#334155;text-anchor:middle;paint-order:stroke;
stroke:#fff;stroke-width:4px;stroke-linejoin:round}
.flow-svg .edge.hl text{fill:#be123c;font-weight:600}
.flow-svg .edge .sub{font-size:10px;fill:var(--muted);font-weight:400}
.flow-svg .edge:hover path{stroke:var(--ink)}
.sankey-svg{display:block;max-width:100%;min-width:520px;height:auto}
.sankey-svg text{font-family:var(--font);dominant-baseline:central}
.sankey-svg .heading{font-size:12px;font-weight:600;fill:var(--muted);letter-spacing:.04em}
.sankey-svg .band{fill-opacity:.35}
.sankey-svg .band:hover{fill-opacity:.65}
.sankey-svg .group text{font-size:12px;fill:#334155;paint-order:stroke;stroke:#fff;stroke-width:3px;
stroke-linejoin:round}
.sankey-svg .group .total{font-weight:600;fill:var(--ink)}
.sankey-svg .group:hover rect{stroke:var(--ink);stroke-width:1.5}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:6px 18px;padding:0;margin:12px 0 0;font-size:13px;color:#334155}
.legend li{display:flex;align-items:center;gap:7px}
.legend .swatch{width:14px;height:14px;border-radius:4px;border:1.5px solid}
.legend .line{width:26px;height:0;border-top:2px solid #94a3b8}
.legend .line.hl{border-top:2.5px solid var(--hot)}
.legend .line.back{border-top:2px dashed #94a3b8}
.foot{color:var(--muted);font-size:12px;padding-top:8px;padding-bottom:32px}
@media (max-width:640px){.wrap{padding:0 14px}.page-head h1{font-size:24px}.metric .value{font-size:24px}
.metrics{grid-template-columns:repeat(2,minmax(0,1fr))}}
@media print{body{background:#fff;font-size:12px}.page-head{padding:12px 0;margin-bottom:12px}
.card{box-shadow:none}.toc{display:none}
.table-wrap{max-height:none;overflow:visible}.scroll-x{overflow:visible}
.flow-svg,.bars-svg,.sankey-svg{min-width:0!important}figure,.metric,.kv div,tr{break-inside:avoid}
.section>h2{break-after:avoid}}
"#;
