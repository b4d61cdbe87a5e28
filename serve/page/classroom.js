// The classroom page's behaviour: builds the controls the server sends, submits a run, polls its
// place in the queue and its progress, and draws the results as tables and SVG charts.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const COLOURS = { unchanged: "#7a7a7a", changed: "#1f5fa8", membership: "#c8901e" };
const GROUP_TITLES = {
  selectorate: "Who selects",
  rule: "The rule",
  quotas: "Quotas",
  platform: "Online voting platform",
  places: "Places",
};

const state = { scenario: null, job: null, poll: null, pressed: 0 };

function $(id) { return document.getElementById(id); }

function element(tag, attributes = {}, text = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== null) node.textContent = text;
  return node;
}

function svgElement(tag, attributes = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

function controlId(key) { return "control-" + key.replace(/[^A-Za-z0-9_-]/g, "_"); }

function percent(share) { return (100 * share).toFixed(0) + "%"; }

function number(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return "n/a";
  return Number(value).toLocaleString("en", { maximumFractionDigits: digits });
}

function mean(values) { return values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1); }

// ---- the controls ----

function buildControls(controls) {
  const container = $("fieldsets");
  container.replaceChildren();
  const groups = new Map();
  for (const control of controls) {
    if (!groups.has(control.group)) {
      const fieldset = element("fieldset");
      fieldset.append(element("legend", {}, GROUP_TITLES[control.group] || control.group));
      groups.set(control.group, fieldset);
      container.append(fieldset);
    }
    const id = controlId(control.key);
    const row = element("div", { class: "control" });
    const label = element("label", { for: id }, control.label);
    let input;
    if (control.kind === "choice") {
      input = element("select", { id, name: control.key });
      for (const option of control.options) input.append(element("option", { value: option }, option.replace(/_/g, " ")));
    } else {
      input = element("input", { id, name: control.key, type: "text", inputmode: control.kind === "share" ? "decimal" : "numeric" });
    }
    input.value = control.value;
    input.dataset.key = control.key;
    input.dataset.original = control.value;
    input.setAttribute("aria-describedby", id + "-help " + id + "-error");
    const help = element("p", { class: "help", id: id + "-help" }, control.help + " Key: " + control.key);
    const error = element("p", { class: "error", id: id + "-error", "aria-live": "polite" });
    error.hidden = true;
    row.append(label, input, help, error);
    groups.get(control.group).append(row);
  }
}

function controlInputs() { return Array.from(document.querySelectorAll("#fieldsets [data-key]")); }

function clearErrors() {
  for (const input of controlInputs()) {
    input.removeAttribute("aria-invalid");
    const error = $(input.id + "-error");
    error.textContent = "";
    error.hidden = true;
  }
  $("form-error").hidden = true;
  $("form-error").textContent = "";
}

function showErrors(body) {
  let placed = false;
  for (const error of body.errors || []) {
    const input = controlInputs().find((candidate) => candidate.dataset.key === error.key);
    if (!input) continue;
    const output = $(input.id + "-error");
    output.textContent = output.textContent ? output.textContent + "\n" + error.message : error.message;
    output.hidden = false;
    input.setAttribute("aria-invalid", "true");
    if (!placed) input.focus();
    placed = true;
  }
  $("form-error").textContent = body.message || "The run was refused.";
  $("form-error").hidden = false;
}

// ---- running ----

async function submitRun(event) {
  event.preventDefault();
  if (state.job !== null) return;
  clearErrors();
  const values = {};
  for (const input of controlInputs()) values[input.dataset.key] = input.value.trim();
  state.pressed = performance.now();
  const response = await fetch("/api/runs", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ values }),
  });
  const body = await response.json();
  if (body.command) $("command").textContent = body.command;
  if (!response.ok) {
    showErrors(body);
    setStatus("Not run: a value is not valid (see the message beside it).");
    return;
  }
  state.job = body.job;
  $("run").disabled = true;
  $("cancel").disabled = false;
  setStatus("Run " + body.job + " queued.");
  poll();
}

function setStatus(text) { $("status").textContent = text; }

async function poll() {
  if (state.job === null) return;
  const id = state.job;
  const response = await fetch("/api/runs/" + id, { cache: "no-store" });
  const body = await response.json();
  if (state.job !== id) return;
  if (!response.ok) {
    finishJob("Run " + id + ": " + body.message);
    return;
  }
  if (body.state === "queued") {
    setStatus("Run " + id + " is waiting: " + body.ahead + (body.ahead === 1 ? " run" : " runs") + " ahead of it.");
  } else if (body.state === "running") {
    setStatus("Run " + id + " is running: " + body.done + " of " + body.total + " replicates done.");
  } else if (body.state === "done") {
    render(body.result.run, body.result.comparison, id);
    const seconds = ((performance.now() - state.pressed) / 1000).toFixed(1);
    finishJob("Run " + id + " finished: " + body.total + " replicates in " + seconds + " s.");
    return;
  } else if (body.state === "cancelled") {
    finishJob("Run " + id + " was cancelled.");
    return;
  } else {
    $("form-error").textContent = body.message;
    $("form-error").hidden = false;
    finishJob("Run " + id + " failed.");
    return;
  }
  state.poll = setTimeout(poll, 100);
}

function finishJob(text) {
  clearTimeout(state.poll);
  state.job = null;
  $("run").disabled = false;
  $("cancel").disabled = true;
  setStatus(text);
}

async function cancelRun() {
  if (state.job === null) return;
  const id = state.job;
  await fetch("/api/runs/" + id + "/cancel", { method: "POST" });
  setStatus("Cancelling run " + id + "…");
}

function resetControls() {
  for (const input of controlInputs()) input.value = input.dataset.original;
  clearErrors();
  $("command").textContent = state.scenario.command;
}

// ---- tables ----

function render(run, comparison, job) {
  renderList(run, job);
  renderOffices(run);
  renderComparison(comparison);
  renderCharts(state.scenario.unchanged, run);
}

function renderList(run, job) {
  const body = $("list").querySelector("tbody");
  body.replaceChildren();
  for (const row of run.list) {
    const tr = element("tr");
    tr.append(element("td", { class: "number" }, String(row.position)), element("td", { class: "number" }, String(row.candidate)),
      element("td", {}, row.gender), element("td", { class: "number" }, String(row.age)), element("td", {}, row.region),
      element("td", {}, row.route.replace(/_/g, " ")), element("td", {}, row.why));
    body.append(tr);
  }
  $("list").dataset.job = job === null ? "unchanged" : String(job);
  $("list-note").textContent = (job === null ? "The unchanged scenario" : "Run " + job) + ": the " + run.list_office +
    " list of the first replicate, " + run.list.length + " places.";
}

function renderOffices(run) {
  const body = $("offices").querySelector("tbody");
  body.replaceChildren();
  for (const office of run.offices) {
    const tr = element("tr");
    tr.append(element("th", { scope: "row" }, office.name), element("td", { class: "number" }, number(office.places)),
      element("td", { class: "number" }, number(office.by_vote)), element("td", { class: "number" }, number(office.leadership)),
      element("td", { class: "number" }, number(office.empty)), element("td", { class: "number" }, percent(office.women_share)),
      element("td", { class: "number" }, percent(office.under35_share)));
    body.append(tr);
  }
}

function renderComparison(comparison) {
  const body = $("comparison").querySelector("tbody");
  body.replaceChildren();
  $("comparison-note").textContent = comparison.method_note + ". " + comparison.interval;
  for (const stat of comparison.statistics) {
    const tr = element("tr");
    const clear = stat.low !== null && stat.high !== null && (stat.low > 0 || stat.high < 0);
    if (clear) tr.className = "clear";
    const interval = stat.low === null || stat.high === null ? "n/a" : number(stat.low, 3) + " to " + number(stat.high, 3);
    tr.append(element("th", { scope: "row" }, stat.label), element("td", { class: "number" }, number(stat.unchanged, 3)),
      element("td", { class: "number" }, number(stat.changed, 3)), element("td", { class: "number" }, number(stat.difference, 3)),
      element("td", { class: "number" }, interval + (clear ? " (clearly not zero)" : "")));
    body.append(tr);
  }
}

// ---- charts ----

function chart(containerId, title, description, height = 300) {
  const container = $(containerId);
  container.replaceChildren();
  const width = 560;
  const titleId = containerId + "-title";
  const descId = containerId + "-desc";
  const svg = svgElement("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": titleId + " " + descId });
  svg.append(svgElement("title", { id: titleId }, title), svgElement("desc", { id: descId }, description));
  svg.append(svgElement("rect", { x: 0, y: 0, width, height, fill: "#fff" }));
  svg.append(svgElement("text", { x: 10, y: 20, "font-size": 15, "font-weight": 600, fill: "#1b1b1b" }, title));
  container.append(svg);
  return { svg, width, height };
}

// A legend row at (x, y): a swatch (a bar, a line, or a shaded band with its mean line) and words.
function legendEntry(svg, x, y, kind, colour, text) {
  if (kind === "bar") {
    svg.append(svgElement("rect", { x, y: y - 9, width: 14, height: 10, fill: colour }));
  } else if (kind === "line") {
    svg.append(svgElement("line", { x1: x, y1: y - 4, x2: x + 14, y2: y - 4, stroke: colour, "stroke-width": 2.5 }));
  } else {
    svg.append(svgElement("rect", { x, y: y - 11, width: 14, height: 14, fill: colour, "fill-opacity": 0.25, stroke: colour, "stroke-opacity": 0.5 }));
  }
  svg.append(svgElement("text", { x: x + 20, y, "font-size": 12, fill: "#1b1b1b" }, text));
}

// Grouped horizontal bars: one group per category, one bar per series.
function barChart(containerId, title, description, categories, series, format) {
  const rowHeight = 14 * series.length + 10;
  const top = 30 + 18 * series.length + 8;
  const { svg, width } = chart(containerId, title, description, top + rowHeight * categories.length + 20);
  series.forEach((s, i) => legendEntry(svg, 10, 44 + 18 * i, "bar", s.colour, s.name));
  const left = 120;
  const right = width - 50;
  const max = Math.max(1e-9, ...series.flatMap((s) => s.values));
  categories.forEach((category, c) => {
    const y0 = top + rowHeight * c;
    svg.append(svgElement("text", { x: left - 6, y: y0 + rowHeight / 2, "text-anchor": "end", "font-size": 12, fill: "#1b1b1b" }, category));
    series.forEach((s, i) => {
      const w = ((right - left) * s.values[c]) / max;
      svg.append(svgElement("rect", { x: left, y: y0 + 14 * i, width: Math.max(w, 0.5), height: 12, fill: s.colour }));
      svg.append(svgElement("text", { x: left + w + 4, y: y0 + 14 * i + 10, "font-size": 11, fill: "#1b1b1b" }, format(s.values[c])));
    });
  });
}

function renderFunnel(unchanged, run) {
  const names = run.funnel.map((stage) => stage.name);
  for (const stage of unchanged.funnel) if (!names.includes(stage.name)) names.push(stage.name);
  const values = (view) => names.map((name) => {
    const stage = view.funnel.find((s) => s.name === name);
    return stage ? mean(stage.replicates) : 0;
  });
  const series = [{ name: "unchanged scenario", colour: COLOURS.unchanged, values: values(unchanged) }];
  if (run !== unchanged) series.push({ name: "this run", colour: COLOURS.changed, values: values(run) });
  barChart("chart-funnel", "Candidates at each stage (mean over replicates)",
    "How many candidates reached each stage of the selection, the unchanged scenario against this run.",
    names.map((n) => n.replace(/_/g, " ")), series, (v) => number(v, 0));
}

function renderTurnout(unchanged, run) {
  const { svg, width, height } = chart("chart-turnout", "Turnout while the vote is open",
    "Share of the selectorate that has voted, hour by hour. The line is the mean of the replicates; the shaded band runs from the lowest to the highest replicate.", 330);
  const views = [{ name: "unchanged scenario", colour: COLOURS.unchanged, view: unchanged }];
  if (run !== unchanged) views.push({ name: "this run", colour: COLOURS.changed, view: run });
  const left = 50, right = width - 15, top = 40 + 18 * 2 * views.length, bottom = height - 35;
  let maxHour = 1, maxShare = 0.05;
  for (const v of views) {
    maxHour = Math.max(maxHour, ...v.view.turnout.hours);
    for (const series of v.view.turnout.replicates) maxShare = Math.max(maxShare, ...series);
  }
  const tickStep = maxShare > 0.5 ? 0.2 : 0.1;
  maxShare = Math.min(1, Math.ceil(maxShare / tickStep - 1e-9) * tickStep);
  const x = (h) => left + ((right - left) * h) / maxHour;
  const y = (s) => bottom - ((bottom - top) * s) / maxShare;
  for (let s = 0; s <= maxShare + 1e-9; s += tickStep) {
    svg.append(svgElement("line", { x1: left, y1: y(s), x2: right, y2: y(s), stroke: "#ddd" }));
    svg.append(svgElement("text", { x: left - 5, y: y(s) + 4, "text-anchor": "end", "font-size": 11, fill: "#1b1b1b" }, percent(s)));
  }
  const dayStep = maxHour > 72 ? 24 : 12;
  for (let h = 0; h <= maxHour; h += dayStep) {
    svg.append(svgElement("text", { x: x(h), y: bottom + 15, "text-anchor": "middle", "font-size": 11, fill: "#1b1b1b" }, h + " h"));
  }
  svg.append(svgElement("text", { x: (left + right) / 2, y: bottom + 30, "text-anchor": "middle", "font-size": 12, fill: "#1b1b1b" }, "hours since the vote opened"));
  let legendY = 44;
  views.forEach((v) => {
    const hours = v.view.turnout.hours;
    const replicates = v.view.turnout.replicates;
    const low = hours.map((_, t) => Math.min(...replicates.map((r) => r[t])));
    const high = hours.map((_, t) => Math.max(...replicates.map((r) => r[t])));
    const avg = hours.map((_, t) => mean(replicates.map((r) => r[t])));
    const upper = hours.map((h, t) => `${x(h).toFixed(1)},${y(high[t]).toFixed(1)}`);
    const lower = hours.map((h, t) => `${x(h).toFixed(1)},${y(low[t]).toFixed(1)}`).reverse();
    svg.append(svgElement("polygon", { points: upper.concat(lower).join(" "), fill: v.colour, "fill-opacity": 0.25, stroke: "none", class: "band" }));
    svg.append(svgElement("polyline", { points: hours.map((h, t) => `${x(h).toFixed(1)},${y(avg[t]).toFixed(1)}`).join(" "), fill: "none", stroke: v.colour, "stroke-width": 2.5 }));
    legendEntry(svg, 10, legendY, "line", v.colour, v.name + ": mean of " + replicates.length + " replicates");
    legendEntry(svg, 300, legendY, "band", v.colour, "range: lowest to highest replicate");
    legendY += 18;
  });
}

function renderShares(containerId, title, description, unchanged, run, key) {
  const categories = run[key].map((c) => c.name);
  const series = [{ name: "membership", colour: COLOURS.membership, values: run[key].map((c) => c.membership) },
    { name: "list, unchanged scenario", colour: COLOURS.unchanged, values: categories.map((name) => {
      const found = unchanged[key].find((c) => c.name === name);
      return found ? found.list : 0;
    }) }];
  if (run !== unchanged) series.push({ name: "list, this run", colour: COLOURS.changed, values: run[key].map((c) => c.list) });
  barChart(containerId, title, description, categories, series, percent);
}

function renderCharts(unchanged, run) {
  renderFunnel(unchanged, run);
  renderTurnout(unchanged, run);
  renderShares("chart-regions", "The list by region against the membership",
    "Each region's share of the list (every replicate) beside its share of the party's members.", unchanged, run, "regions");
  if (run.age_bands.length > 0) {
    renderShares("chart-ages", "The list by the scenario's age bands against the membership",
      "Each age band's share of the list beside its share of the members.", unchanged, run, "age_bands");
  } else {
    $("chart-ages").replaceChildren(element("p", {}, "The scenario has no age bands."));
  }
}

// ---- start ----

async function start() {
  const response = await fetch("/api/scenario", { cache: "no-store" });
  const scenario = await response.json();
  state.scenario = scenario;
  $("scenario-name").textContent = scenario.name;
  $("scenario-description").textContent = scenario.description;
  $("replicates").textContent = String(scenario.replicates);
  $("command").textContent = scenario.command;
  buildControls(scenario.controls);
  renderList(scenario.unchanged, null);
  renderOffices(scenario.unchanged);
  renderCharts(scenario.unchanged, scenario.unchanged);
  $("controls").addEventListener("submit", submitRun);
  $("cancel").addEventListener("click", cancelRun);
  $("reset").addEventListener("click", resetControls);
  setStatus("Ready: the unchanged scenario is shown. Change a value and press Run.");
  document.body.dataset.ready = "true";
}

start().catch((error) => setStatus("The page could not load the scenario: " + error));
