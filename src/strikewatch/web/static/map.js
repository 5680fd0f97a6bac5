// The incident map: bundled boundaries as the only base layer (no tiles, no network),
// incidents as circles coloured by grade, filters sent to the API, a timeline over the days.
"use strict";
const GRADE_COLOURS = { confirmed: "#1e7e34", fair: "#2271b1", weak: "#996800", contested: "#b32d2e", discounted: "#787c82" };
const MAX_POINTS = 5000;
const form = document.getElementById("filters");
const map = L.map("map", { attributionControl: true, minZoom: 2 }).setView([34.8, 38.5], 6);
map.attributionControl.setPrefix("Leaflet").addAttribution("Boundaries: Natural Earth");
const markers = L.layerGroup().addTo(map);
let incidents = [];
let days = [];

async function drawBoundaries() {
  const { layers } = await SW.api("/boundaries");
  for (const layer of layers) {
    const country = layer.name.startsWith("admin0");
    const data = await (await fetch(layer.url)).json();
    L.geoJSON(data, {
      interactive: false,
      style: country ? { color: "#646970", weight: 1.2, fillColor: "#fbfbf8", fillOpacity: 1 }
                     : { color: "#8c8f94", weight: 0.6, dashArray: "3 3", fill: false },
    }).addTo(map);
  }
  markers.eachLayer(m => m.bringToFront());
}

function option(select, value, label) {
  const o = document.createElement("option");
  o.value = value; o.textContent = label; select.appendChild(o);
}

async function fillChoices() {
  const f = await SW.api("/incidents/facets");
  f.countries.forEach(c => option(form.country, c, c));
  f.attackers.forEach(([code, name]) => option(form.attacker, code || name, code ? `${name} (${code})` : name));
  f.targets.forEach(t => option(form.target, t, t));
  f.grades.forEach(g => option(form.grade, g, g));
  f.event_types.forEach(t => option(form.event_type, t, t));
  form.region.dataset.all = JSON.stringify(f.regions);
  fillRegions();
}

function fillRegions() {
  const keep = form.region.value;
  form.region.length = 1;
  for (const [country, region] of JSON.parse(form.region.dataset.all || "[]"))
    if (!form.country.value || form.country.value === country) option(form.region, region, `${region} (${country})`);
  form.region.value = keep;
}

function filters() {
  return Object.fromEntries(new FormData(form).entries());
}

function restore() {
  const params = new URLSearchParams(location.search);
  for (const el of form.elements) if (el.name && params.has(el.name)) el.value = params.get(el.name);
}

async function load() {
  const status = document.getElementById("status");
  status.textContent = "Loading…";
  history.replaceState(null, "", "/map" + SW.query(filters()));
  try {
    incidents = [];
    let offset = 0;
    while (offset !== null && incidents.length < MAX_POINTS) {
      const page = await SW.api("/incidents" + SW.query(Object.assign(filters(), { limit: 500, offset })));
      incidents.push(...page.items);
      offset = page.next_offset;
      status.textContent = `${page.total} incidents` + (page.total > MAX_POINTS ? ` (the first ${MAX_POINTS} drawn)` : "");
    }
  } catch (e) {
    status.textContent = e.message; status.className = "error"; return;
  }
  status.className = "muted";
  days = [...new Set(incidents.map(i => i.date).filter(Boolean))].sort();
  const slider = document.getElementById("timeline");
  slider.max = Math.max(days.length - 1, 0);
  slider.value = slider.max;
  render();
}

function visible() {
  const slider = document.getElementById("timeline");
  const windowDays = document.getElementById("window").value;
  if (!days.length) return incidents;
  const day = days[Number(slider.value)];
  let from = null;
  if (windowDays !== "all") {
    const d = new Date(day + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() - Number(windowDays));
    from = d.toISOString().slice(0, 10);
  }
  document.getElementById("timeline-label").textContent = (from && from !== day ? `${from} to ` : windowDays === "all" ? "up to " : "") + day;
  if (window.SWGround) SWGround.day(day);
  return incidents.filter(i => !i.date || (i.date <= day && (!from || i.date >= from)));
}

function render() {
  const shown = visible();
  markers.clearLayers();
  const rows = [];
  for (const inc of shown) {
    const loc = inc.location || {};
    if (loc.lat != null && loc.lon != null) {
      const circle = L.circleMarker([loc.lat, loc.lon], {
        radius: 5 + Math.min(10, Math.sqrt(inc.mention_count || 1) * 2),
        color: "#1d2327", weight: 1, fillColor: (window.SWGround && SWGround.colour(inc)) || GRADE_COLOURS[inc.grade] || "#000", fillOpacity: 0.8,
      });
      circle.bindPopup(`<b>${SW.esc(inc.date || "undated")}</b> ${SW.esc(SW.place(loc))}<br>` +
        `${SW.esc(SW.attacker(inc.attacker))} · ${SW.grade(inc.grade)}<br>` +
        `<a href="/incident/${encodeURIComponent(inc.id)}">sources</a>`);
      circle.addTo(markers);
    }
    rows.push(`<tr data-id="${SW.esc(inc.id)}"><td>${SW.esc(inc.date || "–")}</td>
      <td><a href="/incident/${encodeURIComponent(inc.id)}">${SW.esc(loc.name || "unplaced")}</a></td>
      <td class="region">${SW.esc(loc.admin1 || "")}</td><td>${SW.esc(SW.attacker(inc.attacker))}</td>
      <td>${SW.esc(inc.targets.map(t => t.name || t.category).join(", "))}</td>
      <td>${SW.esc(SW.range({ min: inc.fatalities.min, max: inc.fatalities.max }))}</td>
      <td>${SW.grade(inc.grade)}</td><td>${inc.mention_count}</td></tr>`);
  }
  document.querySelector("#incidents tbody").innerHTML = rows.join("");
  document.getElementById("map").dataset.markers = markers.getLayers().length;
}

form.addEventListener("submit", e => { e.preventDefault(); load(); });
form.addEventListener("reset", () => setTimeout(() => { fillRegions(); load(); }));
form.country.addEventListener("change", fillRegions);
document.getElementById("timeline").addEventListener("input", render);
document.getElementById("window").addEventListener("change", render);

(async () => {
  SW.header("/map");
  await fillChoices();
  restore();
  fillRegions();
  restore();
  await load();
  await drawBoundaries();
  document.body.dataset.ready = "true";
})();
