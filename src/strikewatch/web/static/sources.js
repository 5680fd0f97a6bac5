"use strict";
// The watched sources' status under the briefing (``strikewatch watch``; GET /sources): a
// source that failed or brought nothing today is what an analyst checks before trusting
// the morning's numbers.
async function loadSources() {
  const table = document.getElementById("sources");
  const none = document.getElementById("sources-none");
  let body;
  try { body = await SW.api("/sources"); } catch (e) { none.textContent = e.message; none.className = "error"; return; }
  none.hidden = body.items.length > 0;
  table.hidden = body.items.length === 0;
  const when = t => t ? SW.esc(t.replace("T", " ").slice(0, 16)) : "–";
  table.querySelector("tbody").innerHTML = body.items.map(s =>
    `<tr data-name="${SW.esc(s.name)}"${s.failures ? ' class="failing"' : ""}>` +
    `<td>${SW.esc(s.name)}</td><td>${when(s.last_success)}</td>` +
    `<td class="n">${s.items_today}</td><td>${when(s.next_poll)}</td>` +
    `<td class="error-text">${SW.esc(s.last_error ? when(s.last_error_at) + " " + s.last_error : "")}</td></tr>`).join("");
}
