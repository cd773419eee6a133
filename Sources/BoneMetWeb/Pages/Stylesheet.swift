/// The one small stylesheet: readable on a ward PC, a tablet and on paper.
enum Stylesheet {
    /// What /static/app.css serves: the base sheet and the guided form's show-when rules.
    static let served = css + "\n" + GuidedCasePage.css + "\n"

    static let css = """
        :root { --urgent: #b00020; --warning: #b35c00; --advisory: #1f5fa8; --info: #555; --line: #ddd; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1b1b1b; }
        header.top { display: flex; gap: 1.2rem; align-items: center; padding: .6rem 1.2rem; background: #0f3b57; color: #fff; flex-wrap: wrap; }
        header.top a { color: #fff; text-decoration: none; } header.top nav { display: flex; gap: 1rem; flex: 1; }
        header.top form { display: flex; gap: .5rem; align-items: center; margin: 0; }
        header.top button { background: transparent; color: #fff; border: 1px solid #fff8; border-radius: 4px; cursor: pointer; }
        .brand { font-weight: 700; }
        main { padding: 1rem 1.2rem; max-width: 1400px; margin: 0 auto; }
        footer { padding: 1rem 1.2rem; color: #666; font-size: .85rem; border-top: 1px solid var(--line); }
        .narrow { max-width: 28rem; } label { display: block; margin: .6rem 0; } input, textarea, select { display: block; width: 100%; padding: .4rem; font: inherit; }
        textarea { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
        button, .button { display: inline-block; padding: .45rem .9rem; border-radius: 4px; border: 1px solid #0f3b57; background: #0f3b57; color: #fff; text-decoration: none; font: inherit; cursor: pointer; }
        .toolbar { display: flex; gap: 1rem; align-items: flex-end; margin-bottom: 1rem; } .toolbar form { display: flex; gap: .4rem; align-items: flex-end; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
        td.count.urgent { color: var(--urgent); font-weight: 700; } td.count.warning { color: var(--warning); font-weight: 700; }
        td.count .urgency { display: block; } td.count .counts { display: block; white-space: nowrap; }
        td.count .top-finding { display: block; color: #1b1b1b; font-weight: 400; font-size: .88rem; max-width: 34rem; }
        .badge { font-size: .75rem; padding: .05rem .4rem; border-radius: 3px; margin-left: .4rem; }
        .badge.fictional { background: #fde7c4; color: #7a4300; border: 1px solid #e6b86b; }
        .badge.deceased { background: #e8e8e8; color: #333; border: 1px solid #999; }
        .alert { background: #fdecea; border-left: 4px solid var(--urgent); padding: .5rem .8rem; }
        .notice { background: #eef4fb; border-left: 4px solid var(--advisory); padding: .5rem .8rem; }
        .field-errors { background: #fff6f5; border: 1px solid #f3c2bd; padding: .5rem .8rem; margin: .8rem 0; }
        .muted { color: #666; }
        .duties { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1rem; align-items: start; }
        @media (max-width: 1000px) { .duties { grid-template-columns: 1fr; } }
        @media (max-width: 600px) {
          header.top { gap: .4rem .8rem; padding: .4rem .7rem; font-size: .9rem; }
          header.top nav { gap: .7rem; flex: 1 1 100%; order: 2; overflow-x: auto; white-space: nowrap; }
          header.top nav a { white-space: nowrap; }
          h1 { font-size: 1.3rem; margin: .4rem 0 .2rem; }
          .summary { font-size: .9rem; }
          .actions { padding: .3rem .6rem; margin: .4rem 0 .8rem; } .actions li { font-size: .92rem; }
          .case-meta { font-size: .8rem; }
          table.cards thead { display: none; }
          table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
          table.cards tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .6rem; padding: .4rem .6rem; }
          table.cards td { display: flex; gap: .6rem; border: none; padding: .15rem 0; }
          table.cards td[data-label]::before { content: attr(data-label); font-weight: 600; color: #444; min-width: 6.5em; flex: none; }
        }
        form.filters { display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: flex-end; margin: .4rem 0 .8rem; }
        form.filters label.check { display: inline-flex; align-items: center; gap: .2rem; white-space: nowrap; }
        .duty h2 { font-size: 1.1rem; border-bottom: 2px solid #0f3b57; padding-bottom: .3rem; }
        .finding { border: 1px solid var(--line); border-left: 5px solid var(--info); border-radius: 4px; padding: .5rem .7rem; margin-bottom: .7rem; }
        .finding h3 { font-size: 1rem; margin: .1rem 0 .3rem; } .finding p { margin: .2rem 0; }
        .finding .severity { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; font-weight: 700; }
        .finding.urgent { border-left-color: var(--urgent); } .finding.urgent .severity { color: var(--urgent); }
        .finding.warning { border-left-color: var(--warning); } .finding.warning .severity { color: var(--warning); }
        .finding.advisory { border-left-color: var(--advisory); } .finding.advisory .severity { color: var(--advisory); }
        .finding .meta { color: #666; font-size: .82rem; }
        .summary { font-size: 1rem; margin: .2rem 0 .5rem; }
        .actions { border: 2px solid var(--urgent); border-radius: 6px; padding: .4rem .8rem; margin: .6rem 0 1rem; background: #fff8f7; }
        .actions h2 { font-size: 1.05rem; margin: .2rem 0 .4rem; }
        .actions p.deceased { font-weight: 600; color: #333; background: #eee; border-left: 4px solid #555; padding: .3rem .6rem; }
        .actions ol { margin: 0; padding-left: 1.2rem; } .actions li { margin: .25rem 0; }
        .actions .severity { font-weight: 700; font-size: .75rem; text-transform: uppercase; margin-right: .4rem; }
        .actions li.urgent .severity { color: var(--urgent); } .actions li.warning .severity { color: var(--warning); }
        .actions .who, .actions .when { color: #555; font-size: .85rem; margin-left: .5rem; }
        .info-findings summary { cursor: pointer; color: #555; margin: .4rem 0; }
        .decisions { margin: 1rem 0; } .decisions .plans { color: #444; }
        .studies p.later { color: var(--warning); font-weight: 600; margin: .2rem 0 0; font-size: .9em; }
        tr.urgent td:first-child { color: var(--urgent); font-weight: 700; } tr.warning td:first-child { color: var(--warning); font-weight: 700; }
        .tabs { display: flex; gap: .8rem; flex-wrap: wrap; margin-bottom: 1rem; } .tabs a.active { font-weight: 700; text-decoration: none; }
        .calculator { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; }
        @media (max-width: 900px) { .calculator { grid-template-columns: 1fr; } }
        .field.bad input, .field.bad select { border: 2px solid var(--urgent); } .field-error { color: var(--urgent); font-size: .85rem; }
        .result { border: 1px solid var(--line); border-radius: 4px; padding: .8rem 1rem; background: #fafcff; }
        .timeline-wrap { overflow-x: auto; margin: 1rem 0; }
        .timeline { display: block; width: 100%; min-width: 760px; height: auto; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
        .agenda-item { border: 1px solid var(--line); border-radius: 4px; padding: .6rem .9rem; margin-bottom: 1rem; }
        .missing { background: #fff8ec; border-left: 4px solid var(--warning); padding: .3rem .8rem; } .ready { color: #1e7d32; }
        .decision { background: #f3f9f4; border-left: 4px solid #1e7d32; padding: .3rem .8rem; }
        .report h2 { font-size: 1.05rem; margin-top: 1.2rem; }
        .record-section h3 { font-size: 1rem; margin: 1rem 0 .3rem; } .record-section li { margin: .25rem 0; }
        .small-button { font-size: .8rem; margin-left: .5rem; padding: .05rem .4rem; border: 1px solid #0f3b57; border-radius: 3px; text-decoration: none; color: #0f3b57; background: #fff; cursor: pointer; }
        .small-button.danger { border-color: var(--urgent); color: var(--urgent); } form.inline { display: inline; margin: 0; }
        .record-form { max-width: 36rem; }
        .report-head { border-bottom: 2px solid var(--ink, #0f3b57); margin-bottom: .8rem; }
        .report-head .hospital { font-size: 1.2rem; font-weight: 700; margin: 0; }
        .report table { border-collapse: collapse; width: 100%; }
        .report th, .report td { border: 1px solid var(--line); padding: .25rem .4rem; text-align: left; vertical-align: top; }
        .report-findings li.urgent { font-weight: 700; }
        .report-text { white-space: pre-wrap; border-left: 4px solid var(--line); margin: .8rem 0; padding: .4rem .8rem; background: #fafafa; color: #111; }
        mark { color: #111; padding: 0 .1rem; border-radius: 2px; }
        mark.affirmed { background: #fde68a; }
        mark.negated { background: #bbf7d0; }
        mark.uncertain { background: #fecaca; outline: 1px dashed #991b1b; }
        mark.historical, mark.other { background: #e5e7eb; }
        fieldset.suggested-lesion { border: 1px solid var(--line); margin: .8rem 0; padding: .4rem .8rem; }
        fieldset.suggested-lesion legend { font-weight: 700; display: flex; align-items: center; gap: .4rem; }
        fieldset.suggested-lesion legend label { display: inline; margin: 0; white-space: nowrap; }
        fieldset.suggested-lesion input[type=checkbox] { display: inline-block; width: auto; margin: 0; }
        table.readings td, table.readings th { padding: .2rem .4rem; text-align: left; vertical-align: top; }
        table.readings tr.uncertain th, table.readings tr.historical th, table.readings tr.other th { color: #7c2d12; }
        @media (max-width: 600px) {
          table.readings, table.readings tbody { display: block; }
          table.readings tr { display: grid; grid-template-columns: 2rem 1fr 1fr; gap: .2rem .4rem; border-bottom: 1px solid var(--line); padding: .3rem 0; }
          table.readings td:nth-child(4), table.readings td:nth-child(5) { grid-column: 2 / 4; }
        }
        .signatures { margin-top: 2rem; }
        .signatures p { margin: 1.6rem 0; }
        .signatures .line { display: inline-block; border-bottom: 1px solid #000; width: 16em; margin: 0 .5em; }
        .signatures .line.short { width: 8em; }
        @page { size: A4; margin: 15mm; }
        @media print { header.top, footer, .toolbar, form, .button, nav, .skip-link { display: none !important; } body { font-size: 10.5pt; } .duties { grid-template-columns: 1fr; } .finding, .report tr, .report li, .timeline-wrap { break-inside: avoid; } .timeline { min-width: 0; } .report h2 { break-after: avoid; } }
        """
}
