// The Explainer page: plain JavaScript, no build step. Everything from the server or the
// user is put on the page as text (textContent), never as HTML; reports open in a
// sandboxed frame that cannot run scripts.
"use strict";

const $ = (id) => document.getElementById(id);
// How the shown answer was made (the CLI footer says the same).
const SHOWN = {
  llm_claims: "claims the LLM selected, checked and written by code",
  llm_prose: "the LLM's sentences, verified",
  code: "written by code alone from the facts (no LLM claim held, or one fact to state)",
};
const tokenInput = $("token");
tokenInput.value = sessionStorage.getItem("explainer-token") || "";
tokenInput.addEventListener("change", () => sessionStorage.setItem("explainer-token", tokenInput.value));

function headers(extra = {}) {
  const h = { ...extra };
  if (tokenInput.value) h.Authorization = "Bearer " + tokenInput.value;
  return h;
}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: headers(options.headers || {}) });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (_) { /* not JSON */ }
    if (response.status === 401) tokenInput.focus();
    throw new Error(`${response.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
  return response;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

// ---------------------------------------------------------------- tabs
for (const button of document.querySelectorAll("nav button")) {
  button.addEventListener("click", () => {
    for (const b of document.querySelectorAll("nav button")) {
      b.setAttribute("aria-selected", String(b === button));
      $("tab-" + b.dataset.tab).hidden = b !== button;
    }
  });
}

// ---------------------------------------------------------------- chat
let session = null;
let sessionText = null;
let lastRate = null;
const model = new URLSearchParams(location.search).get("model") || "explainer";

function say(role, text, meta) {
  const box = el("div", undefined, "msg " + role);
  box.append(el("div", text));
  if (meta) box.append(el("div", meta, "meta"));
  $("conversation").append(box);
  return box;
}

function heatmap(records) {
  const target = $("heatmap");
  const record = [...records].reverse().find(
    (r) => (r.tool === "attribute" || r.tool === "faithfulness") && r.data && r.data.units);
  if (!record) return;
  target.replaceChildren();
  const text = record.data.text;
  const units = [...record.data.units].sort((a, b) => a.start - b.start);
  // occlusion measured each word's share of the answer's probability (percentage points)
  const effect = (u) => (typeof u.points === "number" ? u.points : u.score);
  const peak = Math.max(...units.map((u) => Math.abs(effect(u))), 1e-9);
  let cursor = 0;
  for (const unit of units) {
    target.append(document.createTextNode(text.slice(cursor, unit.start)));
    const span = el("span", text.slice(unit.start, unit.end));
    const share = Math.min(1, Math.abs(effect(unit)) / peak);
    const colour = effect(unit) >= 0 ? "22,163,74" : "220,38,38";
    span.style.background = `rgba(${colour},${(0.12 + 0.7 * share).toFixed(2)})`;
    span.title = typeof unit.points === "number"
      ? `${record.id}: without it, the answer's probability ${unit.points >= 0 ? "falls" : "rises"} ` +
        `${Math.abs(unit.points).toFixed(1)} percentage points (${record.data.method} ${unit.score.toPrecision(3)} nats)`
      : `${record.id} ${record.data.method}: ${unit.score.toPrecision(3)}`;
    if (typeof unit.points === "number") span.dataset.points = String(unit.points);
    span.dataset.score = String(unit.score);
    target.append(span);
    cursor = unit.end;
  }
  target.append(document.createTextNode(text.slice(cursor)));
  if (typeof record.data.answer === "string") {
    const explained = record.data.target ? ` · explained: ${record.data.target}` : "";
    target.append(el("div", `target answer: ${JSON.stringify(record.data.answer)}${explained} (${record.id})`, "meta"));
  }
}

// A tool's map, drawn from its record's data: causal tracing's layer x token grid of
// indirect effects, or a neuron's top snippets shaded by activation.
function mapView(record) {
  const data = record.data || {};
  if (record.tool === "trace" && Array.isArray(data.effects)) {
    const total = Math.max(data.clean_prob - data.corrupted_prob, 1e-9);
    const grid = el("table", undefined, "map");
    grid.dataset.layers = String(data.effects.length);
    const head = el("tr", undefined);
    head.append(el("th", "layer"));
    for (const token of data.tokens) head.append(el("th", JSON.stringify(token)));
    grid.append(head);
    data.effects.forEach((row, layer) => {
      const line = el("tr");
      line.append(el("th", String(layer)));
      for (const effect of row) {
        const cell = el("td", "");
        const share = Math.max(0, Math.min(1, effect / total));
        cell.style.background = `rgba(124,58,237,${(0.05 + 0.9 * share).toFixed(2)})`;
        cell.title = `layer ${layer}: restores ${effect.toFixed(3)} (${Math.round(share * 100)}%)`;
        cell.dataset.effect = String(effect);
        line.append(cell);
      }
      grid.append(line);
    });
    return grid;
  }
  if (record.tool === "neuron" && Array.isArray(data.top)) {
    const list = el("div", undefined, "map snippets");
    const peak = Math.max(...data.top.map((s) => s.peak), 1e-9);
    for (const snippet of data.top) {
      const line = el("div");
      snippet.spans.forEach(([a, b], i) => {
        const span = el("span", snippet.text.slice(a, b));
        const share = Math.max(0, Math.min(1, snippet.activations[i] / peak));
        span.style.background = `rgba(234,88,12,${(0.7 * share).toFixed(2)})`;
        span.title = `activation ${snippet.activations[i]}`;
        line.append(span);
      });
      list.append(line);
    }
    return list;
  }
  return null;
}

function evidencePanel(records, rate) {
  $("grounding").textContent = rate === null ? "–" : `${Math.round(rate * 100)}%`;
  const panel = $("evidence");
  panel.replaceChildren();
  for (const record of records) {
    const box = el("div", undefined, "ev");
    box.dataset.id = record.id;
    box.append(el("h3", `${record.id} · ${record.tool}`));
    box.append(el("div", record.summary));
    const table = el("table");
    for (const fact of record.facts.slice(0, 8)) {
      const row = el("tr");
      row.append(el("td", fact.subject), el("td", fact.quantity),
                 el("td", `${Number(fact.value).toPrecision(3)}${fact.unit ? " " + fact.unit : ""}`));
      table.append(row);
    }
    if (record.facts.length > 8) table.append(el("tr", `… ${record.facts.length - 8} more facts`, "meta"));
    box.append(table);
    const map = mapView(record);
    if (map) box.append(map);
    panel.append(box);
  }
}

async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message", data = "";
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) event = line.slice(7);
        else if (line.startsWith("data: ")) data += line.slice(6);
      }
      onEvent(event, JSON.parse(data));
    }
  }
}

async function ask() {
  const text = $("input-text").value;
  const question = $("question").value.trim();
  if (!text.trim() || !question) return;
  $("ask").disabled = true;
  $("status").textContent = "";
  try {
    if (session === null || text !== sessionText) {
      const created = await api("/v1/sessions", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, model }),
      });
      session = (await created.json()).id;
      sessionText = text;
      $("conversation").replaceChildren();
      listSessions();
    }
    say("user", question);
    const reply = say("assistant", "");
    const response = await api(`/v1/sessions/${session}/messages`, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ content: question, stream: true }),
    });
    await readEvents(response, (event, data) => {
      if (event === "stage") $("status").textContent = data.stage + "…";
      else if (event === "delta") reply.firstChild.textContent += data.content;
      else if (event === "error") { reply.className = "msg error"; reply.firstChild.textContent = data.message; }
      else if (event === "done") {
        reply.firstChild.textContent = data.answer;
        lastRate = data.grounding_rate;
        const shown = SHOWN[data.source] || (data.templated ? SHOWN.code : SHOWN.llm_prose);
        reply.append(el("div", `grounding rate ${Math.round(data.grounding_rate * 100)}% · ${shown} · ` +
                               `cites ${data.cited_evidence.join(", ") || "none"}`, "meta"));
        $("status").textContent = "";
      }
    });
    const evidence = await (await api(`/v1/sessions/${session}/evidence`)).json();
    heatmap(evidence);
    evidencePanel(evidence, lastRate);
  } catch (error) {
    say("error", String(error.message || error));
  } finally {
    $("ask").disabled = false;
  }
}
async function listSessions() {
  const list = $("session-list");
  let sessions = [];
  try { sessions = await (await api("/v1/sessions")).json(); } catch (_) { return; }
  list.replaceChildren(el("option", "new conversation"));
  list.firstChild.value = "";
  for (const s of sessions) {
    const option = el("option", `${s.title || "(no input)"} · ${new Date(s.created_at * 1000).toLocaleString()}`);
    option.value = s.id;
    list.append(option);
  }
  list.value = session || "";
}

async function openSession(id) {
  $("conversation").replaceChildren();
  $("heatmap").replaceChildren();
  if (!id) { session = null; sessionText = null; evidencePanel([], null); return; }
  try {
    const messages = await (await api(`/v1/sessions/${id}/messages`)).json();
    session = id;
    lastRate = null;
    for (const m of messages) {
      if (m.role === "system" && m.meta.state) {
        sessionText = m.meta.state.text;
        $("input-text").value = sessionText || "";
      } else if (m.role === "user") {
        say("user", m.content);
      } else if (m.role === "assistant") {
        const v = m.meta.verification;
        if (v) lastRate = v.grounding_rate;
        say(m.meta.error ? "error" : "assistant", m.content,
            v ? `grounding rate ${Math.round(v.grounding_rate * 100)}% · ` +
                `${SHOWN[v.source] || (v.templated ? SHOWN.code : SHOWN.llm_prose)}` : undefined);
      }
    }
    const evidence = await (await api(`/v1/sessions/${id}/evidence`)).json();
    heatmap(evidence);
    evidencePanel(evidence, lastRate);
  } catch (error) {
    say("error", String(error.message || error));
  }
}
$("session-list").addEventListener("change", (e) => openSession(e.target.value));
tokenInput.addEventListener("change", listSessions);
listSessions();

$("ask").addEventListener("click", ask);
$("question").addEventListener("keydown", (e) => { if (e.key === "Enter") ask(); });

// ---------------------------------------------------------------- jobs
const lastJob = {};

async function runJob(kind, prefix, purpose, extra) {
  const file = $(prefix + "-file").files[0];
  const stage = $(prefix + "-stage");
  if (!file) { stage.textContent = "choose a file first"; return; }
  $(prefix + "-run").disabled = true;
  $(prefix + "-report").srcdoc = "";
  try {
    stage.textContent = "uploading…";
    const uploaded = await (await api(
      `/v1/files?purpose=${purpose}&filename=${encodeURIComponent(file.name)}`,
      { method: "POST", headers: { "Content-Type": "application/octet-stream" }, body: file })).json();
    let job = await (await api("/v1/jobs", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ kind, file_id: uploaded.id, ...extra }),
    })).json();
    while (job.status === "queued" || job.status === "running") {
      $(prefix + "-progress").value = job.progress;
      stage.textContent = job.stage;
      await new Promise((resolve) => setTimeout(resolve, 400));
      job = await (await api(`/v1/jobs/${job.id}`)).json();
    }
    if (job.status === "failed") throw new Error(job.error);
    $(prefix + "-progress").value = 1;
    stage.textContent = "done";
    $(prefix + "-report").srcdoc = await (await api(`/v1/jobs/${job.id}/report`)).text();
    lastJob[prefix] = job.id;
    for (const id of [prefix + "-question", prefix + "-ask"]) if ($(id)) $(id).disabled = false;
  } catch (error) {
    stage.textContent = "failed: " + String(error.message || error);
  } finally {
    $(prefix + "-run").disabled = false;
  }
}
$("csv-run").addEventListener("click", () => {
  const target = $("csv-target").value.trim();
  runJob("explain_csv", "csv", "dataset", target ? { target } : {});
});
async function askData() {
  const question = $("csv-question").value.trim();
  if (!question || !lastJob.csv) return;
  const box = $("csv-answer");
  box.replaceChildren(el("div", "…"));
  try {
    const reply = await (await api(`/v1/jobs/${lastJob.csv}/ask`, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question }),
    })).json();
    box.replaceChildren(el("div", reply.answer));
    const how = reply.templated
      ? "written by code from the query result (no LLM sentence held)"
      : `LLM sentences verified (grounding rate ${Math.round(reply.grounding_rate * 100)}%)`;
    box.append(el("div", `${how} · evidence ${reply.evidence.map((r) => r.id).join(", ")}`, "meta"));
    for (const note of reply.notes) box.append(el("div", note, "meta"));
  } catch (error) {
    box.replaceChildren(el("div", String(error.message || error)));
  }
}
$("csv-ask").addEventListener("click", askData);
$("csv-question").addEventListener("keydown", (e) => { if (e.key === "Enter") askData(); });
$("audit-run").addEventListener("click", () => {
  const groups = $("audit-groups").value.split(",").map((g) => g.trim()).filter(Boolean);
  runJob("audit", "audit", "audit", { groups });
});
