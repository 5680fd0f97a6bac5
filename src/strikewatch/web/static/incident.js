// One incident: its fields, each source's full text with the reporting sentences marked,
// the reports as a table, and what analysts did to it.
"use strict";
const incidentId = decodeURIComponent(location.pathname.split("/").pop());

function highlighted(text, spans) {
  // spans may overlap (one sentence reporting two places): merge them, keep place marks inside
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = "", at = 0;
  for (const s of sorted) {
    if (s.end <= at) continue;
    const start = Math.max(s.start, at);
    out += SW.esc(text.slice(at, start));
    let inner;
    if (s.place_start != null && s.place_start >= start && s.place_end <= s.end) {
      inner = SW.esc(text.slice(start, s.place_start)) + `<span class="place">${SW.esc(text.slice(s.place_start, s.place_end))}</span>` + SW.esc(text.slice(s.place_end, s.end));
    } else {
      inner = SW.esc(text.slice(start, s.end));
    }
    out += `<mark data-mention="${s.mention_id}">${inner}</mark>`;
    at = s.end;
  }
  return out + SW.esc(text.slice(at));
}

async function show() {
  let inc;
  try {
    inc = await SW.api("/incidents/" + encodeURIComponent(incidentId));
  } catch (e) {
    const status = document.getElementById("status");
    status.textContent = e.message; status.className = "error"; return;
  }
  document.getElementById("status").textContent = "";
  const loc = inc.location || {};
  document.title = `strikewatch · ${inc.date || "undated"} ${loc.name || ""}`;
  document.getElementById("title").textContent = `${inc.date || "Undated"} · ${SW.place(loc)}`;
  document.getElementById("review-link").href = "/review?incident=" + encodeURIComponent(inc.id);
  const f = inc.fatalities || {};
  const facts = [
    ["Incident", SW.esc(inc.id)],
    ["Grade", SW.grade(inc.grade) + " " + SW.esc(inc.grade_reason || "")],
    ["Date", SW.esc(`${inc.date || "unknown"} (${inc.date_precision || "no precision"})`)],
    ["Attacker", SW.esc(SW.attacker(inc.attacker))],
    ["Place", SW.esc(`${SW.place(loc)} · ${loc.precision || ""}` + (loc.lat != null ? ` · ${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)}` : ""))],
    ["Whose ground", SW.esc(groundText(inc.ground))],
    ["Targets", SW.esc(inc.targets.map(t => t.name ? `${t.name} (${t.category})` : t.category).join(", ") || "not said")],
    ["Killed", SW.esc(SW.range({ min: f.min, max: f.max }))],
    ["Civilians killed", SW.esc(SW.range({ min: f.civilians_min, max: f.civilians_max }))],
    ["Sources", SW.esc((inc.sources || []).join("; "))],
    ["Set by analysts", SW.esc((inc.reviewed || []).join(", ") || "nothing")],
  ];
  document.getElementById("facts").innerHTML = facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("");
  document.getElementById("sources").innerHTML = inc.sources_text.map(d => `
    <article class="source" data-doc="${SW.esc(d.doc_id)}">
      <h3>${/^https?:\/\//i.test(d.url || "") ? `<a href="${SW.esc(d.url)}" rel="noreferrer">${SW.esc(d.title || d.doc_id)}</a>` : SW.esc(d.title || d.doc_id)}</h3>
      <p class="muted">${SW.esc(d.source || "unknown outlet")} · ${SW.esc(d.published || "undated")}${d.near_duplicate_of ? ` · copy of ${SW.esc(d.near_duplicate_of)}` : ""}</p>
      <div class="text">${highlighted(d.text, d.highlights)}</div>
    </article>`).join("");
  document.querySelectorAll(".source").forEach(el => {
    const first = el.querySelector("mark");
    if (first) el.scrollTop = Math.max(0, first.offsetTop - el.offsetTop - 60);
  });
  document.querySelector("#mentions tbody").innerHTML = inc.mentions.map(m => `<tr>
    <td>${SW.esc(m.source || "")}</td><td>${SW.esc(m.outlet || m.doc_id)}</td>
    <td>${SW.esc(m.sentence)}</td><td>${m.claimed_by_attacker ? "yes" : "no"}</td></tr>`).join("");
  document.querySelector("#history tbody").innerHTML = inc.history.map(r => `<tr>
    <td>${SW.esc(r.at)}</td><td>${SW.esc(r.analyst)}</td><td>${SW.esc(r.action)}</td><td>${SW.esc(r.field || "")}</td>
    <td>${SW.esc(r.old_value || "")}</td><td>${SW.esc(r.new_value || "")}</td><td>${SW.esc(r.reason || "")}</td></tr>`).join("")
    || `<tr><td colspan="7" class="muted">No analyst has reviewed this incident.</td></tr>`;
  document.body.dataset.ready = "true";
}

SW.header("");
show();

// Who held the ground on the control map in force (issue 16): the controller, or why not said.
function groundText(g) {
  if (!g) return "no control map covers it";
  const map = `${g.source}, map of ${g.map_date} (${g.map_age_days} days before)`;
  if (g.too_coarse) return `too coarse to say: the place is known only to its province or region · ${map}`;
  const front = g.front_km != null ? ` · ${g.front_km} km from the front` : "";
  return `${g.controller}-held${front} · ${map}`;
}
