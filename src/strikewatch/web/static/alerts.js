// Alerts raised by the watch-lists, newest first; a withdrawn one is kept, struck through.
"use strict";
const form = document.getElementById("filters");

/** How the sending went: the state, the attempts so far, and for one still being retried
 * when the next try is and what went wrong last (the queue is kept across restarts). */
function delivery(a) {
  const attempts = a.attempts.length ? ` (${a.attempts.length} attempt${a.attempts.length === 1 ? "" : "s"})` : "";
  const next = a.delivery === "pending" && a.next_attempt_at ? `<div class="muted next-try">next try ${SW.esc(a.next_attempt_at)} UTC</div>` : "";
  const error = a.last_error && a.delivery !== "sent" ? `<div class="error-text">${SW.esc(a.last_error)}</div>` : "";
  return `${SW.esc(a.delivery)}${attempts}${next}${error}`;
}

async function load() {
  const status = document.getElementById("status");
  try {
    const page = await SW.api("/alerts" + SW.query(Object.assign(Object.fromEntries(new FormData(form).entries()), { limit: 500 })));
    status.textContent = `${page.total} alerts`;
    document.querySelector("#alerts tbody").innerHTML = page.items.map(a => `<tr class="${a.withdrawn_at ? "withdrawn" : ""}">
      <td>${SW.esc(a.raised_at)}</td><td>${SW.esc(a.watchlist)}</td>
      <td><a href="/incident/${encodeURIComponent(a.incident_id)}">${SW.esc(a.incident_id)}</a></td>
      <td>${a.matched.map(SW.esc).join("<br>")}</td><td>${SW.esc(a.withdrawn_at || "")}</td>
      <td class="delivery">${delivery(a)}</td></tr>`).join("");
  } catch (e) { status.textContent = e.message; status.className = "error"; }
  document.body.dataset.ready = "true";
}
form.addEventListener("submit", e => { e.preventDefault(); load(); });
SW.header("/alerts");
load();
