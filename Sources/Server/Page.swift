import Cartography
import Claims
import Gazetteer
import Hummingbird

/// `/` and `/embed`: one HTML document each, with its style and script inline, that asks nothing of any server
/// but this one (its Content-Security-Policy says so to the browser too).
extension MapService {
    /// The page with controls: date slider, view and language switches, legend, sources and a diff.
    func page(_ request: Request) throws -> Response {
        try document(request, route: "/", body: Page.controls)
    }

    /// The map alone, for an `<iframe>`; it follows edits of the scenario as the full page does.
    func embed(_ request: Request) throws -> Response {
        try document(request, route: "/embed", body: Page.embedded)
    }

    private func document(_ request: Request, route: String, body: String) throws -> Response {
        let query = try QueryParameters(request.uri.query, allowed: ["date", "view", "lang"], route: route)
        let scenario = scenario.current.workspace.scenario
        let initial = JSONValue.object([
            ("date", .string("\(try query.date(scenario: scenario))")),
            ("view", .string(try query.view(scenario: scenario).id)),
            ("lang", .string(try query.language().rawValue)),
        ])
        let html = Page.template
            .replacingOccurrences(of: "{{BODY}}", with: body)
            .replacingOccurrences(of: "{{TITLE}}", with: Page.escaped(scenario.title.en))
            .replacingOccurrences(of: "{{SCENARIO}}", with: Page.scriptSafe(scenarioJSON()))
            .replacingOccurrences(of: "{{INITIAL}}", with: Page.scriptSafe(initial))
        var response = Artifact(bytes: Array(html.utf8), contentType: ContentType.html).response(to: request)
        response.headers[.contentSecurityPolicy] = Page.contentSecurityPolicy
        return response
    }
}

enum Page {
    /// Scripts, styles, images and fetches from this server only (images also from the page's own blobs).
    static let contentSecurityPolicy = "default-src 'none'; img-src 'self' blob:; style-src 'unsafe-inline'; "
        + "script-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'"

    /// HTML text with its special characters escaped.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// JSON that cannot end the `<script>` element it sits in.
    static func scriptSafe(_ json: JSONValue) -> String {
        json.serialized().replacingOccurrences(of: "<", with: "\\u003c")
    }

    static let controls = #"""
    <header><h1 id="title"></h1></header>
    <div id="problems" class="problems" hidden></div>
    <section class="controls">
      <label class="slider">Date <input type="range" id="date" min="0" step="1"> <output id="date-label"></output></label>
      <label>View <select id="view"></select></label>
      <span role="radiogroup" id="lang">
        <label><input type="radio" name="lang" value="en"> English</label>
        <label><input type="radio" name="lang" value="ar"> العربية</label>
        <label><input type="radio" name="lang" value="both"> Both</label>
      </span>
    </section>
    <figure><img id="map" alt="Control map"></figure>
    <section><h2>Legend</h2><ul id="legend" class="legend"></ul></section>
    <section class="diff">
      <h2>What changed</h2>
      <label>From <select id="from"></select></label> <label>to <select id="to"></select></label>
      <button id="show-diff" type="button">Show the changes</button>
      <p id="diff-summary"></p>
      <figure><img id="diff-map" alt="Diff map" hidden></figure>
      <table id="changes"></table>
    </section>
    <section><h2>Embed this map</h2><pre id="embed-code"></pre></section>
    <section><h2>Sources</h2><ol id="sources"></ol></section>
    """#

    static let embedded = #"""
    <div id="problems" class="problems" hidden></div>
    <img id="map" alt="Control map">
    """#

    static let template = #"""
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{TITLE}}</title>
    <style>
    body { font: 15px/1.4 "Noto Sans", sans-serif; margin: 0 auto; max-width: 1280px; padding: 0 12px; color: #222; }
    body.embedded { max-width: none; padding: 0; }
    body.embedded img { width: 100%; display: block; }
    h1 { font-size: 1.4em; margin: 12px 0 6px; } h2 { font-size: 1.1em; margin: 18px 0 6px; }
    .controls { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; }
    .slider input { width: 320px; vertical-align: middle; }
    figure { margin: 10px 0; } figure img { width: 100%; border: 1px solid #ccc; }
    .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 16px; }
    .swatch { display: inline-block; width: 14px; height: 14px; margin-inline-end: 5px; vertical-align: -2px;
              border: 1px solid #0006; }
    .problems { background: #fde8e8; border: 1px solid #c33; padding: 6px 10px; white-space: pre-wrap;
                font-family: monospace; font-size: 13px; }
    table { border-collapse: collapse; } td, th { padding: 2px 8px; border-bottom: 1px solid #ddd; text-align: start; }
    pre { background: #f4f4f4; padding: 6px; white-space: pre-wrap; word-break: break-all; }
    #sources { font-size: 13px; }
    </style></head>
    <body>
    {{BODY}}
    <script type="application/json" id="scenario-data">{{SCENARIO}}</script>
    <script type="application/json" id="initial-state">{{INITIAL}}</script>
    <script>
    "use strict";
    let scenario = JSON.parse(document.getElementById("scenario-data").textContent);
    const state = JSON.parse(document.getElementById("initial-state").textContent);
    const $ = (id) => document.getElementById(id);
    const embedded = !$("date");
    if (embedded) document.body.classList.add("embedded");

    function query(params) { return new URLSearchParams(params).toString(); }
    function widthFor(img) {
      const css = (img.parentElement && img.parentElement.clientWidth) || window.innerWidth;
      return Math.min(2400, Math.max(400, Math.round(css * (window.devicePixelRatio || 1) / 100) * 100));
    }
    async function load(img, url) {
      img.dataset.url = url;
      const response = await fetch(url, { cache: "no-cache" });
      if (img.dataset.url !== url) return;
      if (!response.ok) { showProblems([(await response.json()).error]); return; }
      const blob = await response.blob();
      if (img.dataset.url !== url) return;
      const old = img.src;
      img.src = URL.createObjectURL(blob);
      img.dataset.etag = response.headers.get("ETag") || "";
      img.dataset.loaded = url;
      img.hidden = false;
      if (old.startsWith("blob:")) URL.revokeObjectURL(old);
    }
    function mapURL() {
      return "/map.png?" + query({ date: state.date, view: state.view, lang: state.lang, width: widthFor($("map")) });
    }
    function showMap() {
      load($("map"), mapURL());
      if (embedded) return;
      $("date-label").textContent = state.date;
      const origin = window.location.origin;
      $("embed-code").textContent = '<iframe src="' + origin + "/embed?" +
        query({ date: state.date, view: state.view, lang: state.lang }) +
        '" width="800" height="620" style="border:0" title="' + scenario.title + '"></iframe>';
    }
    function showProblems(problems) {
      const box = $("problems");
      box.hidden = problems.length === 0;
      box.textContent = problems.length ? "The newest scenario files do not load; the last good version is " +
        "shown.\n" + problems.join("\n") : "";
    }
    function name(item) { return state.lang === "ar" && item.name_ar ? item.name_ar : item.name; }
    function option(select, value, text) {
      const element = document.createElement("option");
      element.value = value; element.textContent = text; select.appendChild(element);
    }
    function fillControls() {
      document.title = state.lang === "ar" && scenario.title_ar ? scenario.title_ar : scenario.title;
      if (embedded) return;
      $("title").textContent = document.title;
      const slider = $("date");
      slider.max = scenario.dates.length - 1;
      let index = 0;
      scenario.dates.forEach((date, i) => { if (date <= state.date) index = i; });
      slider.value = index;
      for (const select of [$("view"), $("from"), $("to")]) select.textContent = "";
      scenario.views.forEach((view) => option($("view"), view.id, name(view)));
      $("view").value = state.view;
      scenario.dates.forEach((date) => { option($("from"), date, date); option($("to"), date, date); });
      $("from").value = scenario.dates[0];
      $("to").value = scenario.dates[scenario.dates.length - 1];
      document.querySelectorAll("input[name=lang]").forEach((radio) => { radio.checked = radio.value === state.lang; });
      const legend = $("legend");
      legend.textContent = "";
      legend.dir = state.lang === "ar" ? "rtl" : "ltr";
      for (const actor of scenario.actors) {
        const item = document.createElement("li");
        const swatch = document.createElement("span");
        swatch.className = "swatch"; swatch.style.background = actor.colour;
        item.append(swatch, name(actor));
        legend.appendChild(item);
      }
      const sources = $("sources");
      sources.textContent = "";
      for (const source of scenario.sources) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = source.url; link.textContent = source.source; link.rel = "noreferrer";
        item.append(link, " — " + source.url);
        sources.appendChild(item);
      }
    }
    async function showDiff() {
      const range = { from: $("from").value, to: $("to").value };
      if (!(range.from < range.to)) { $("diff-summary").textContent = "Choose a From date before the To date."; return; }
      load($("diff-map"), "/diff.png?" + query({ ...range, view: state.view, lang: state.lang,
                                                  width: widthFor($("map")) }));
      const response = await fetch("/diff.json?" + query(range), { cache: "no-cache" });
      const diff = await response.json();
      if (!response.ok) { $("diff-summary").textContent = diff.error; return; }
      const actorName = (id) => { const actor = scenario.actors.find((a) => a.id === id); return actor ? name(actor) : (id || "—"); };
      $("diff-summary").textContent = diff.places.length + " places changed state from " + diff.from + " to " + diff.to + ".";
      const table = $("changes");
      table.textContent = "";
      const head = table.insertRow();
      for (const title of ["Date", "Place", "From", "To"]) { const th = document.createElement("th"); th.textContent = title; head.appendChild(th); }
      for (const place of diff.places) {
        const row = table.insertRow();
        for (const text of [place.date, place.name, actorName(place.from), actorName(place.to)]) row.insertCell().textContent = text;
      }
    }
    let generation = scenario.generation;
    async function watch() {
      try {
        const health = await (await fetch("/health", { cache: "no-store" })).json();
        showProblems(health.problems);
        if (health.generation !== generation) {
          generation = health.generation;
          scenario = await (await fetch("/scenario.json", { cache: "no-cache" })).json();
          fillControls();
          showMap();
        }
      } catch (error) {
        showProblems(["The server does not answer (" + error.message + ")."]);
      }
      setTimeout(watch, 1000);
    }
    if (!embedded) {
      let pending;
      $("date").addEventListener("input", () => {
        state.date = scenario.dates[Number($("date").value)];
        $("date-label").textContent = state.date;
        clearTimeout(pending);
        pending = setTimeout(showMap, 120);
      });
      $("view").addEventListener("change", () => { state.view = $("view").value; showMap(); });
      document.querySelectorAll("input[name=lang]").forEach((radio) => radio.addEventListener("change", () => {
        state.lang = radio.value; fillControls(); showMap();
      }));
      $("show-diff").addEventListener("click", showDiff);
    }
    fillControls();
    showMap();
    watch();
    </script>
    </body></html>
    """#
}
