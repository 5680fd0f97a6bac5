// The review queue: confirm, reject, edit one field, merge another incident into this one, or
// split the reports that tell of another strike off into a new incident. ``?incident=<id>``
// reviews that one incident, whatever its grade (a merged incident leaves the queue, and may
// still need a split).
"use strict";
const FIELDS = ["date", "date_precision", "attacker", "targets", "fatalities", "civilians", "grade", "grade_reason", "location"];
const ONE = new URLSearchParams(location.search).get("incident");

function card(inc) {
  const loc = inc.location || {};
  const reports = inc.mention_count ?? (inc.mentions || []).length;
  return `<section class="card" data-id="${SW.esc(inc.id)}">
    <div><b>${SW.esc(inc.date || "undated")}</b> · <a href="/incident/${encodeURIComponent(inc.id)}">${SW.esc(SW.place(loc))}</a>
      · ${SW.esc(SW.attacker(inc.attacker))} · ${SW.grade(inc.grade)} · ${reports} report(s)</div>
    <div class="muted">${SW.esc(inc.grade_reason || "")}</div>
    ${reportsTable(inc.reports || [])}
    <div class="actions">
      <input name="reason" placeholder="reason (required)" size="32">
      <button data-action="confirm">Confirm</button>
      <button data-action="reject">Reject</button>
      <select name="field" aria-label="field">${FIELDS.map(f => `<option>${f}</option>`).join("")}</select>
      <input name="value" placeholder="new value, e.g. 12-46" size="18">
      <button data-action="edit">Edit</button>
      <input name="absorb" placeholder="incident id to merge in" size="22">
      <button data-action="merge">Merge</button>
      <button data-action="choose-split" ${reports < 2 ? 'disabled title="one report: nothing to split"' : ""}>Split…</button>
      <span class="result"></span>
    </div>
    <fieldset class="split" hidden></fieldset>
  </section>`;
}

/** A toll as the report gives it: "dozens" stays a word, not a made-up bound. */
function toll(r) {
  if (!r || (r.min == null && r.max == null)) return "–";
  return r.vague ? `${SW.esc(SW.range(r))} (vague)` : SW.esc(SW.range(r));
}

function asWritten(value, written) {
  if (!value && !written) return "–";
  if (!written || written === value) return SW.esc(value);
  return `“${SW.esc(written)}”${value ? ` → ${SW.esc(value)}` : ""}`;
}

/** Each report of the incident, in its own row: the outlet and link, the sentence(s) it was
 * read from, and the figures the analyst decides on (tolls, date, attacker, place as written). */
function reportsTable(reports) {
  if (!reports.length) return "";
  const rows = reports.map(r => `<tr class="report" data-mention="${r.mention_id}">
      <td class="outlet">${/^https?:\/\//i.test(r.url || "") ? `<a href="${SW.esc(r.url)}" rel="noreferrer noopener" target="_blank">${SW.esc(r.outlet || r.doc_id)}</a>` : SW.esc(r.outlet || r.doc_id)}
        ${r.published ? `<div class="muted">${SW.esc(r.published)}</div>` : ""}</td>
      <td class="sentences">${r.sentences.map(s => `<q>${SW.esc(s)}</q>`).join(" ")}
        ${r.reported_by ? `<div class="muted">according to ${SW.esc(r.reported_by)}${r.hedged ? " (hedged)" : ""}</div>` : r.hedged ? `<div class="muted">hedged</div>` : ""}</td>
      <td class="killed">${toll(r.killed)}${r.civilians_killed.min != null || r.civilians_killed.max != null ? ` <span class="muted">(civilians ${toll(r.civilians_killed)})</span>` : ""}</td>
      <td class="injured">${toll(r.injured)}</td>
      <td class="date">${asWritten(r.date, r.date_text)}</td>
      <td class="attacker">${asWritten(r.attacker, r.attacker_text)}${r.claimed_by_attacker ? ` <span class="muted">(claimed)</span>` : ""}</td>
      <td class="place">${asWritten(r.place, r.place_text)}</td></tr>`).join("");
  return `<table class="reports"><thead><tr><th>Outlet</th><th>Sentence(s)</th><th>Killed</th><th>Injured</th>
    <th>Date</th><th>Attacker</th><th>Place as written</th></tr></thead><tbody>${rows}</tbody></table>`;
}

// The reports to choose from are the highlighted sentences of the incident's sources, which
// carry the mention ids the split endpoint takes.
async function chooseSplit(section) {
  const box = section.querySelector("fieldset.split"), result = section.querySelector(".result");
  try {
    const inc = await SW.api("/incidents/" + encodeURIComponent(section.dataset.id));
    const reports = inc.sources_text.flatMap(d => d.highlights.map(h => ({
      id: h.mention_id, source: d.source || d.doc_id, sentence: d.text.slice(h.start, h.end),
      place: h.place_start != null ? d.text.slice(h.place_start, h.place_end) : null })));
    box.innerHTML = `<legend>Tick the reports of another strike; they become a new incident (at least one must stay)</legend>` +
      reports.map(r => `<label class="report"><input type="checkbox" name="mention" value="${r.id}">
        <span class="muted">${SW.esc(r.source)} · report ${r.id}${r.place ? ` · place “${SW.esc(r.place)}”` : ""}:</span> ${SW.esc(r.sentence)}</label>`).join("") +
      `<button data-action="split">Split off the ticked reports</button>`;
    box.hidden = false;
  } catch (e) {
    result.className = "result error";
    result.textContent = e.message;
  }
}

function done(action, inc) {
  if (action === "split") {
    return `split off into <a href="/incident/${encodeURIComponent(inc.id)}">${SW.esc(inc.id)}</a> (${inc.mentions.length} report(s), ${SW.esc(inc.grade)})`;
  }
  const verb = { confirm: "confirmed", reject: "rejected", edit: "edited", merge: "merged" }[action];
  return `${verb}: now ${SW.esc(inc.grade)}, ${inc.mentions.length} report(s) · <a href="/review?incident=${encodeURIComponent(inc.id)}">review it again</a>`;
}

async function act(section, action) {
  const get = name => section.querySelector(`[name=${name}]`).value.trim();
  const result = section.querySelector(".result");
  const body = { reason: get("reason") };
  if (action === "edit") Object.assign(body, { field: get("field"), value: get("value") });
  if (action === "merge") body.absorb = get("absorb");
  if (action === "split") {
    body.mention_ids = [...section.querySelectorAll("input[name=mention]:checked")].map(c => Number(c.value));
    if (!body.mention_ids.length) {
      result.className = "result error";
      result.textContent = "tick the reports that move to a new incident";
      return;
    }
  }
  try {
    const inc = await SW.api(`/incidents/${encodeURIComponent(section.dataset.id)}/${action}`, { method: "POST", json: body });
    result.className = "result ok";
    result.innerHTML = done(action, inc);
    section.dataset.done = action;
    section.querySelectorAll("button, fieldset.split input").forEach(b => b.disabled = true);
  } catch (e) {
    result.className = "result error";
    result.textContent = e.message;
  }
}

async function load() {
  const status = document.getElementById("status");
  try {
    if (ONE) {
      const inc = await SW.api("/incidents/" + encodeURIComponent(ONE));
      status.innerHTML = `Reviewing one incident · <a href="/review">the whole queue</a>`;
      document.getElementById("queue").innerHTML = card(inc);
    } else {
      const page = await SW.api("/review-queue?limit=200");
      status.textContent = `${page.total} incidents to review` + (page.total > page.items.length ? ` (the first ${page.items.length} shown)` : "");
      document.getElementById("queue").innerHTML = page.items.map(card).join("");
    }
  } catch (e) {
    status.textContent = e.message; status.className = "error";
  }
  document.body.dataset.ready = "true";
}

document.getElementById("queue").addEventListener("click", e => {
  const button = e.target.closest("button[data-action]");
  if (!button) return;
  const section = button.closest("section");
  if (button.dataset.action === "choose-split") chooseSplit(section);
  else act(section, button.dataset.action);
});
SW.header("/review");
load();
