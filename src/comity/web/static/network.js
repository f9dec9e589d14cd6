// The network page: a force layout of the directed dyads (d3), laid out once, then drawn still.
"use strict";
(() => {
  const {el, getJSON, failed, path, fmt, QUAD, QUAD_COLOUR, QUAD_KEY} = comity;
  const root = document.getElementById("network");
  const WIDTH = 1100, HEIGHT = 640, SVG = "http://www.w3.org/2000/svg";
  const scaleColour = d3.scaleLinear().domain([-8, -2, 0, 2, 8])
    .range(["#b2182b", "#e0a060", "#a0a0a0", "#7fbf7b", "#1b7837"]).clamp(true);

  function colourOf(edge) {
    if (root.dataset.colour === "quad") return QUAD_COLOUR[edge.quad_code] || "#999";
    return edge.mean_scale === null ? "#999" : scaleColour(edge.mean_scale);
  }

  function layout(nodes, edges, radius) {
    const links = edges.map(e => ({source: e.actor, target: e.recipient, edge: e}));
    d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id(d => d.id).distance(150).strength(0.4))
      .force("charge", d3.forceManyBody().strength(-500))
      .force("x", d3.forceX(WIDTH / 2).strength(0.06))
      .force("y", d3.forceY(HEIGHT / 2).strength(0.09))
      .force("collide", d3.forceCollide(d => radius(d.events) + 16))
      .stop().tick(400);
    fit(nodes, radius);
    return links;
  }

  // Stretch the layout over the whole drawing (room on the right for the labels).
  function fit(nodes, radius) {
    const pad = 36, [x0, x1] = d3.extent(nodes, n => n.x), [y0, y1] = d3.extent(nodes, n => n.y);
    const maxR = d3.max(nodes, n => radius(n.events));
    const kx = x1 > x0 ? (WIDTH - 2 * pad - 2 * maxR - 40) / (x1 - x0) : 1;
    const ky = y1 > y0 ? (HEIGHT - 2 * pad - 2 * maxR) / (y1 - y0) : 1;
    const k = Math.min(kx, ky * 1.5), k2 = Math.min(ky, kx * 1.5);
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    for (const n of nodes) {
      n.x = WIDTH / 2 - 20 + (n.x - cx) * k;
      n.y = HEIGHT / 2 + (n.y - cy) * k2;
    }
  }

  function svgEl(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  }

  // A curved arrow from a to b (bending to its left, so a→b and b→a never overlap).
  function arrow(a, b, ra, rb, width) {
    const dx = b.x - a.x, dy = b.y - a.y, dist = Math.hypot(dx, dy) || 1;
    const nx = -dy / dist, ny = dx / dist, bend = Math.min(40, dist * 0.18);
    const cx = (a.x + b.x) / 2 + nx * bend, cy = (a.y + b.y) / 2 + ny * bend;
    const tx = b.x - cx, ty = b.y - cy, tl = Math.hypot(tx, ty) || 1;
    const head = 6 + width * 1.2;
    const ex = b.x - tx / tl * (rb + 2), ey = b.y - ty / tl * (rb + 2);
    const bx = ex - tx / tl * head, by = ey - ty / tl * head;
    const sx = a.x + (cx - a.x) / Math.hypot(cx - a.x, cy - a.y) * ra, sy = a.y + (cy - a.y) / Math.hypot(cx - a.x, cy - a.y) * ra;
    const w = head * 0.55, px = -ty / tl, py = tx / tl;
    return {
      line: `M${sx},${sy} Q${cx},${cy} ${bx},${by}`,
      head: `M${ex},${ey} L${bx + px * w},${by + py * w} L${bx - px * w},${by - py * w} Z`,
    };
  }

  function edgeTitle(e, names) {
    const quads = [1, 2, 3, 4].map(q => `${QUAD[q]}: ${e[QUAD_KEY[q]]}`).join(", ");
    return `${names[e.actor] || e.actor} → ${names[e.recipient] || e.recipient}: ${e.events} events, ` +
      `mean scale ${fmt(e.mean_scale, 1)} (${quads})`;
  }

  function draw(data) {
    if (!data.edges.length) {
      root.replaceChildren(el("p", {class: "failed"}, "No dyad matches these filters."));
      return;
    }
    const nodes = data.nodes.map(n => ({...n}));
    const byId = new Map(nodes.map(n => [n.id, n]));
    const names = Object.fromEntries(nodes.map(n => [n.id, n.name || n.id]));
    const maxNode = d3.max(nodes, n => n.events), maxEdge = d3.max(data.edges, e => e.events);
    const radius = d3.scaleSqrt().domain([0, maxNode]).range([4, 26]);
    const width = d3.scaleSqrt().domain([1, maxEdge]).range([1.2, 12]);
    layout(nodes, data.edges, n => radius(n));
    const svg = svgEl("svg", {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: "img",
                              "aria-label": "network of directed dyads"});
    const edgeLayer = svgEl("g", {class: "edges"}), nodeLayer = svgEl("g", {class: "nodes"});
    const ordered = [...data.edges].sort((p, q) => p.events - q.events);
    for (const e of ordered) {
      const a = byId.get(e.actor), b = byId.get(e.recipient), w = width(e.events), colour = colourOf(e);
      const shape = arrow(a, b, radius(a.events), radius(b.events), w);
      const link = svgEl("a", {class: "edge", href: path("dyad", e.actor, e.recipient),
                               "data-actor": e.actor, "data-recipient": e.recipient});
      const title = svgEl("title", {});
      title.textContent = edgeTitle(e, names);
      link.append(title,
        svgEl("path", {d: shape.line, fill: "none", stroke: "transparent", "stroke-width": Math.max(12, w + 8)}),
        svgEl("path", {class: "line", d: shape.line, fill: "none", stroke: colour, "stroke-width": w, "stroke-opacity": 0.8}),
        svgEl("path", {d: shape.head, fill: colour}));
      edgeLayer.append(link);
    }
    for (const n of nodes) {
      const g = svgEl("a", {class: "node", href: "/search?actor=" + encodeURIComponent(n.id), "data-id": n.id,
                            transform: `translate(${n.x},${n.y})`});
      const title = svgEl("title", {});
      title.textContent = `${n.name || n.id} (${n.id}): ${n.events} events in the dyads shown`;
      const label = svgEl("text", {x: radius(n.events) + 3, y: 4});
      label.textContent = n.id;
      g.append(title, svgEl("circle", {r: radius(n.events), fill: n.kind === "country" || !n.kind ? "#4a6d8c" : "#8a5a9c"}), label);
      nodeLayer.append(g);
    }
    svg.append(edgeLayer, nodeLayer);
    root.replaceChildren(svg);
    table(data.edges, names);
  }

  function table(edges, names) {
    const body = document.querySelector("#edges tbody");
    body.replaceChildren(...edges.map(e => el("tr", {},
      el("td", {}, el("a", {href: path("dyad", e.actor, e.recipient)}, `${names[e.actor]} (${e.actor})`)),
      el("td", {}, `${names[e.recipient]} (${e.recipient})`),
      el("td", {class: "num"}, e.events), el("td", {class: "num"}, fmt(e.mean_scale, 1)),
      ...[1, 2, 3, 4].map(q => el("td", {class: "num"}, e[QUAD_KEY[q]]))
    )));
  }

  getJSON(root.dataset.api).then(draw).catch(error => failed(root, error));
})();
