// The dyad page: events per period by quad class both ways (Observable Plot), the mean scale, and a
// click on a period (in the chart or the table) lists that period's events with their evidence.
"use strict";
(() => {
  const {el, getJSON, failed, path, fmt, QUAD, QUAD_COLOUR, QUAD_KEY} = comity;
  const root = document.getElementById("ties");
  const {a, b} = root.dataset;
  const width = n => Math.min(1100, 200 + 70 * n);  // a few periods: narrow bars, not a wall of colour

  function long(periods) {
    const rows = [];
    for (const p of periods) {
      for (const q of [1, 2, 3, 4]) {
        rows.push({period: p.period, quad: q, value: p[`ab_${QUAD_KEY[q]}`]});
        rows.push({period: p.period, quad: q, value: -p[`ba_${QUAD_KEY[q]}`]});
      }
    }
    return rows.filter(r => r.value !== 0);
  }

  function ticks(labels) {
    const step = Math.max(1, Math.ceil(labels.length / 24));
    return labels.filter((_, i) => i % step === 0);
  }

  function barChart(periods) {
    const labels = periods.map(p => p.period);
    const top = Math.max(1, d3.max(periods, p => [1, 2, 3, 4].reduce((s, q) => s + p[`ab_${QUAD_KEY[q]}`], 0)));
    const bottom = Math.max(1, d3.max(periods, p => [1, 2, 3, 4].reduce((s, q) => s + p[`ba_${QUAD_KEY[q]}`], 0)));
    return Plot.plot({
      width: width(labels.length), height: 340, marginLeft: 60, marginBottom: 70,
      x: {domain: labels, label: null, ticks: ticks(labels), tickRotate: -40, padding: 0.15,
          tickFormat: d => d.length > 10 ? d.slice(0, 10) + "…" : d},
      y: {domain: [-bottom, top], label: `↑ ${a} → ${b}   ·   ${b} → ${a} ↓`, tickFormat: d => Number.isInteger(d) ? Math.abs(d) : "",
          grid: true, nice: true},
      color: {domain: [1, 2, 3, 4], range: [1, 2, 3, 4].map(q => QUAD_COLOUR[q])},
      marks: [
        Plot.barY(long(periods), {x: "period", y: "value", fill: "quad", order: [1, 2, 3, 4],
          title: d => `${d.period}: ${Math.abs(d.value)} ${QUAD[d.quad]} (${d.value > 0 ? a + " → " + b : b + " → " + a})`}),
        Plot.ruleY([0]),
      ],
    });
  }

  function scaleChart(periods) {
    const labels = periods.map(p => p.period);
    const scored = periods.filter(p => p.mean_scale !== null);
    return Plot.plot({
      width: width(labels.length), height: 170, marginLeft: 60, marginBottom: 30,
      x: {domain: labels, type: "point", label: null, ticks: [], padding: 0.5},
      y: {domain: [-10, 10], label: "mean scale", grid: true},
      marks: [
        Plot.ruleY([0], {stroke: "#999"}),
        Plot.line(scored, {x: "period", y: "mean_scale", stroke: "#2457a6"}),
        Plot.dot(scored, {x: "period", y: "mean_scale", fill: "#2457a6", r: 3,
          title: p => `${p.period}: mean scale ${fmt(p.mean_scale, 1)} over ${p.events} events`}),
      ],
    });
  }

  // A transparent band over each period, the height of the chart: the click target for that period.
  function periodBands(chart, periods) {
    const x = chart.scale("x"), [low, high] = chart.scale("y").range;
    const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg");
    const g = document.createElementNS("http://www.w3.org/2000/svg", "g");
    g.setAttribute("class", "periods");
    for (const p of periods) {
      const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      const step = x.step || x.bandwidth;
      rect.setAttribute("x", String(x.apply(p.period) - (step - x.bandwidth) / 2));
      rect.setAttribute("width", String(step));
      rect.setAttribute("y", String(Math.min(low, high)));
      rect.setAttribute("height", String(Math.abs(low - high)));
      rect.setAttribute("class", "period");
      rect.setAttribute("data-period", p.period);
      const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
      title.textContent = `${p.period}: ${p.events} events, mean scale ${fmt(p.mean_scale, 1)} (click for the events)`;
      rect.append(title);
      rect.addEventListener("click", () => choose(p.period));
      g.append(rect);
    }
    svg.append(g);
  }

  function periodTable(periods) {
    const sum = (p, d) => [1, 2, 3, 4].reduce((s, q) => s + p[`${d}_${QUAD_KEY[q]}`], 0);
    document.querySelector("#periods tbody").replaceChildren(...periods.map(p => el("tr", {},
      el("td", {}, el("button", {class: "period-button", type: "button", "data-period": p.period,
                                 onclick: () => choose(p.period)}, p.period)),
      el("td", {class: "num"}, sum(p, "ab")), el("td", {class: "num"}, sum(p, "ba")),
      el("td", {class: "num"}, p.events), el("td", {class: "num"}, fmt(p.mean_scale, 1)))));
  }

  function evidenceItem(e) {
    const arrow = e.direction === "ab" ? `${a} → ${b}` : `${b} → ${a}`;
    return el("li", {},
      el("span", {class: "meta"}, `${e.date || "undated"} · ${arrow} · `),
      el("b", {}, e.event), e.negated ? el("em", {}, " (negated)") : null,
      el("span", {class: "meta"}, ` · scale ${fmt(e.event_scale, 1)}`),
      el("blockquote", {}, e.sentence || ""),
      el("p", {class: "source"},
        el("a", {href: path("article", e.article_id)}, e.title || "article"),
        e.outlet ? ` · ${e.outlet}` : "", ` · published ${e.published || "?"}`,
        e.url ? " · " : "", e.url ? el("a", {href: e.url, rel: "noopener noreferrer", target: "_blank"}, "original") : null),
      reportsOf(e));
  }

  // An occasion reported more than once: its other reports, folded under the one shown.
  function reportsOf(e) {
    const others = e.reports || [];
    if (!others.length) return null;
    const sources = e.n_sources > 1 ? `, ${e.n_sources} sources` : "";
    return el("details", {class: "reports"},
      el("summary", {}, `${others.length + 1} reports in ${e.n_articles} article${e.n_articles > 1 ? "s" : ""}${sources}`),
      el("ol", {}, ...others.map(r => el("li", {},
        el("span", {class: "meta"}, `${r.published || "?"} · ${r.event} · `),
        el("a", {href: path("article", r.article_id)}, r.title || "article"),
        r.outlet ? ` · ${r.outlet}` : "",
        el("blockquote", {}, r.sentence || "")))));
  }

  async function choose(period) {
    document.querySelectorAll("rect.period").forEach(r => r.classList.toggle("chosen", r.dataset.period === period));
    const section = document.getElementById("evidence");
    const list = document.getElementById("evidence-list");
    document.getElementById("period-label").textContent = period;
    section.hidden = false;
    list.replaceChildren(el("li", {class: "meta"}, "Loading…"));
    try {
      const data = await getJSON(`${root.dataset.evidence}&period=${encodeURIComponent(period)}`);
      list.replaceChildren(...data.events.map(evidenceItem));
      if (data.total > data.events.length) list.append(el("li", {class: "meta"}, `… and ${data.total - data.events.length} more`));
      section.scrollIntoView({behavior: "instant", block: "start"});
    } catch (error) {
      list.replaceChildren(el("li", {class: "failed"}, "Could not load: " + error.message));
    }
  }

  function draw(data) {
    const periods = data.periods;
    document.getElementById("undated").textContent =
      `${periods.length} periods · ${d3.sum(periods, p => p.events)} dated events` +
      (data.undated ? ` · ${data.undated} undated event(s) not shown` : "");
    if (!periods.length) {
      root.replaceChildren(el("p", {class: "failed"}, "No dated event between these two actors."));
      return;
    }
    const chart = barChart(periods);
    root.replaceChildren(chart);
    periodBands(chart, periods);
    document.getElementById("scale").replaceChildren(scaleChart(periods));
    periodTable(periods);
  }

  getJSON(root.dataset.api).then(draw).catch(error => failed(root, error));
})();
