// Shared by every page: the API call with the analyst's token, escaping, and the header.
// A refused call throws an Error whose message is the API's one-line reason and whose ``body``
// is the whole JSON answer (the ingest endpoint's refusal lists every rejected file).
"use strict";
const SW = {
  API: "/api/v1",
  token() { return localStorage.getItem("strikewatch-token") || ""; },
  async api(path, options = {}) {
    const headers = Object.assign({}, options.headers || {});
    if (SW.token()) headers["Authorization"] = "Bearer " + SW.token();
    if (options.json !== undefined) {
      headers["Content-Type"] = "application/json";
      options = Object.assign({}, options, { body: JSON.stringify(options.json) });
    }
    const response = await fetch(SW.API + path, Object.assign({}, options, { headers }));
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(body.error || ("HTTP " + response.status));
      error.body = body;
      throw error;
    }
    return body;
  },
  query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) q.set(k, v);
    const s = q.toString();
    return s ? "?" + s : "";
  },
  esc(value) {
    return String(value ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  },
  grade(g) { return `<span class="grade grade-${SW.esc(g)}">${SW.esc(g)}</span>`; },
  range(r) {
    if (!r || (r.min == null && r.max == null)) return "–";
    if (r.min === r.max) return String(r.min);
    return `${r.min ?? "?"}–${r.max ?? ""}`;
  },
  place(loc) {
    if (!loc || !loc.name) return "–";
    return [loc.name, loc.admin1 && loc.admin1 !== loc.name ? loc.admin1 : null, loc.country].filter(Boolean).join(", ");
  },
  attacker(a) { return a ? (a.country ? `${a.name} (${a.country})` : a.name) : "unknown"; },
  async header(here) {
    const el = document.getElementById("sw-header");
    const links = [["/map", "Map"], ["/review", "Review queue"], ["/briefing", "Briefing"], ["/audit", "Audit log"], ["/alerts", "Alerts"], ["/upload", "Upload"], ["/users", "Users"]];
    el.className = "sw";
    el.innerHTML = `<span class="brand">strikewatch</span>` +
      links.map(([href, label]) => `<a href="${href}" class="${href === here ? "here" : ""}">${label}</a>`).join("") +
      `<span class="who"><span id="sw-user" class="muted"></span>
       <input id="sw-token" type="password" placeholder="token (to review or ingest)" autocomplete="off">
       <button id="sw-login" type="button">Sign in</button><button id="sw-logout" type="button">Sign out</button></span>`;
    const showUser = async () => {
      const label = document.getElementById("sw-user");
      try {
        const me = await SW.api("/me");
        label.textContent = me.user ? `${me.user} (${me.role})` : "not signed in";
        label.className = me.user ? "ok" : "muted";
        showSignedIn(Boolean(me.user));
      } catch (e) { label.textContent = e.message; label.className = "error"; showSignedIn(false); }
    };
    // A signed-in analyst is offered "Sign out" only; the token field and "Sign in" come back
    // once they sign out (or their token is refused).
    const showSignedIn = signedIn => {
      document.getElementById("sw-token").hidden = signedIn;
      document.getElementById("sw-login").hidden = signedIn;
      document.getElementById("sw-logout").hidden = !signedIn;
    };
    document.getElementById("sw-login").onclick = () => {
      localStorage.setItem("strikewatch-token", document.getElementById("sw-token").value.trim());
      document.getElementById("sw-token").value = "";
      showUser();
    };
    document.getElementById("sw-logout").onclick = () => { localStorage.removeItem("strikewatch-token"); showUser(); };
    await showUser();
  },
};
