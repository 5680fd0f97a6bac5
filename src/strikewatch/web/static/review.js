// The review queue: confirm, reject, edit one field, or merge another incident into this one.
"use strict";
const FIELDS = ["date", "date_precision", "attacker", "targets", "fatalities", "civilians", "grade", "grade_reason", "location"];

function card(inc) {
  const loc = inc.location || {};
  return `<section class="card" data-id="${SW.esc(inc.id)}">
    <div><b>${SW.esc(inc.date || "undated")}</b> · <a href="/incident/${encodeURIComponent(inc.id)}">${SW.esc(SW.place(loc))}</a>
      · ${SW.esc(SW.attacker(inc.attacker))} · ${SW.grade(inc.grade)} · ${inc.mention_count} report(s)</div>
    <div class="muted">${SW.esc(inc.grade_reason || "")}</div>
    <div class="actions">
      <input name="reason" placeholder="reason (required)" size="32">
      <button data-action="confirm">Confirm</button>
      <button data-action="reject">Reject</button>
      <select name="field" aria-label="field">${FIELDS.map(f => `<option>${f}</option>`).join("")}</select>
      <input name="value" placeholder="new value, e.g. 12-46" size="18">
      <button data-action="edit">Edit</button>
      <input name="absorb" placeholder="incident id to merge in" size="22">
      <button data-action="merge">Merge</button>
      <span class="result"></span>
    </div>
  </section>`;
}

async function act(section, action) {
  const get = name => section.querySelector(`[name=${name}]`).value.trim();
  const result = section.querySelector(".result");
  const body = { reason: get("reason") };
  if (action === "edit") Object.assign(body, { field: get("field"), value: get("value") });
  if (action === "merge") body.absorb = get("absorb");
  try {
    const inc = await SW.api(`/incidents/${encodeURIComponent(section.dataset.id)}/${action}`, { method: "POST", json: body });
    result.className = "result ok";
    result.textContent = `${action}ed: now ${inc.grade}`.replace("eed", "ed");
    section.dataset.done = action;
    section.querySelectorAll("button").forEach(b => b.disabled = true);
  } catch (e) {
    result.className = "result error";
    result.textContent = e.message;
  }
}

async function load() {
  const status = document.getElementById("status");
  try {
    const page = await SW.api("/review-queue?limit=200");
    status.textContent = `${page.total} incidents to review` + (page.total > page.items.length ? ` (the first ${page.items.length} shown)` : "");
    document.getElementById("queue").innerHTML = page.items.map(card).join("");
  } catch (e) {
    status.textContent = e.message; status.className = "error";
  }
  document.body.dataset.ready = "true";
}

document.getElementById("queue").addEventListener("click", e => {
  const button = e.target.closest("button[data-action]");
  if (button) act(button.closest("section"), button.dataset.action);
});
SW.header("/review");
load();
