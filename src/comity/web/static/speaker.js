// The speaker page: quotes per month (Observable Plot).
"use strict";
(() => {
  const {getJSON, failed} = comity;
  const root = document.getElementById("speaker-chart");

  function draw(data) {
    const dated = data.quotes.filter(q => q.published).map(q => ({month: q.published.slice(0, 7)}));
    if (!dated.length) {
      root.hidden = true;
      return;
    }
    const months = [...new Set(dated.map(d => d.month))].sort();
    root.replaceChildren(Plot.plot({
      width: Math.min(900, 140 + 48 * months.length), height: 180, marginLeft: 50, marginBottom: 50,
      x: {domain: months, label: null, tickRotate: -40},
      y: {label: "quotes", grid: true},
      marks: [Plot.barY(dated, Plot.groupX({y: "count"}, {x: "month", fill: "#6b2c91"})), Plot.ruleY([0])],
    }));
  }

  getJSON(root.dataset.api).then(draw).catch(error => failed(root, error));
})();
