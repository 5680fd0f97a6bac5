// Whose ground (issue 16): the control map in force on the timeline's day under the incidents,
// with its source and date, and incidents coloured by who held the ground they fell on.
// map.js asks SWGround.colour(inc) for a marker's fill and calls SWGround.day(day) on each draw.
"use strict";
const CONTROLLER_COLOURS = { UA: "#2271b1", RU: "#b32d2e", contested: "#dba617", IS: "#1d2327" };
window.SWGround = (() => {
  const layer = L.geoJSON(null, { interactive: false, style: f => ({
    color: colourOf(f.properties.controller), weight: 0.5, fillOpacity: 0.18 }) });
  const toggle = document.getElementById("ground-layer");
  const byGround = document.getElementById("ground-colours");
  const label = document.getElementById("ground-label");
  let shownDay = null;

  function colourOf(controller) {
    if (CONTROLLER_COLOURS[controller]) return CONTROLLER_COLOURS[controller];
    let hash = 0;  // any other controller a mapping names gets a steady colour of its own
    for (const ch of controller || "") hash = (hash * 31 + ch.charCodeAt(0)) % 360;
    return `hsl(${hash}, 55%, 45%)`;
  }

  async function draw(day) {
    if (!toggle.checked || !day) { layer.remove(); label.textContent = ""; return; }
    const data = await SW.api("/control/layer" + SW.query({ date: day }));
    if (day !== shownDay) return;  // the slider moved on while this loaded
    layer.clearLayers().addData(data).addTo(map);
    layer.bringToBack();
    const maps = [...new Set(data.features.map(f => `${f.properties.source}, map of ${f.properties.map_date}`))];
    label.textContent = maps.length ? `Ground: ${maps.join("; ")}` : "Ground: no control map in force";
  }

  return {
    day(day) { if (day !== shownDay) { shownDay = day; draw(day).catch(e => { label.textContent = e.message; }); } },
    colour(inc) {
      if (!byGround.checked) return null;
      const g = inc.ground;
      return !g ? "#c3c4c7" : g.too_coarse ? "#ffffff" : colourOf(g.controller);
    },
    /** The legend's rows when markers are coloured by ground (null otherwise): each
     * controller the incidents' places fell under, then the places no map could answer for. */
    legend(list) {
      if (!byGround.checked) return null;
      const grounds = list.map(i => i.ground);
      const controllers = [...new Set(grounds.filter(g => g && !g.too_coarse).map(g => g.controller))].sort();
      const rows = controllers.map(c => ({ colour: colourOf(c), label: c }));
      if (grounds.some(g => g && g.too_coarse)) rows.push({ colour: "#ffffff", label: "place too coarse to say" });
      if (grounds.some(g => !g)) rows.push({ colour: "#c3c4c7", label: "no control map covers it" });
      return rows;
    },
    redraw() { const day = shownDay; shownDay = null; this.day(day); render(); },
  };
})();
document.getElementById("ground-layer").addEventListener("change", () => SWGround.redraw());
document.getElementById("ground-colours").addEventListener("change", () => SWGround.redraw());
