import Claims
import Foundation
import Gazetteer

/// A page that plays a timeline's frames with a date slider and a play button, above its area chart. It needs
/// no network: its style and script are inline, and it names the frames and the chart by relative paths.
struct TimelinePage {
    let scenario: Scenario
    let request: TimelineRequest
    let dates: [Day]
    /// The frames' size in CSS pixels (points).
    let widthPt: Double
    let heightPt: Double

    var html: String {
        let language = request.language
        let rtl = language == .ar
        let title = Wording.pick(scenario.title, language)
        let view = Wording.pick(request.view.name, language)
        let dateLanguage: Language = language == .both ? .en : language
        let period = Wording.date(request.from, dateLanguage) + " – " + Wording.date(request.to, dateLanguage)
        let frames = dates.map { date in
            let path = TimelinePage.script(Timeline.framePath(date, "png"))
            return "{src:\(path),date:\(TimelinePage.script(Wording.date(date, dateLanguage)))}"
        }
        let play = Wording.text("Play", "تشغيل", language)
        let pause = Wording.text("Pause", "إيقاف مؤقت", language)
        let chart = Wording.text("Ground held by each side, km²", "المساحة التي يسيطر عليها كل طرف، كم²",
                                 language)
        let dateLabel = TimelinePage.escape(Wording.text("Date", "التاريخ", language))
        let (widthCSS, heightCSS) = (Int(widthPt.rounded()), Int(heightPt.rounded()))
        let animation = Wording.text("animation", "الرسم المتحرك", language)
        let chartImage = Wording.text("chart as PNG", "الرسم البياني بصيغة PNG", language)
        return """
            <!DOCTYPE html>
            <html lang="\(language == .ar ? "ar" : "en")" dir="\(rtl ? "rtl" : "ltr")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(TimelinePage.escape(title)) — \(TimelinePage.escape(period))</title>
            <style>
            body { font-family: "Noto Sans", "Noto Sans Arabic", sans-serif; margin: 1.5em auto; padding: 0 1em;
                   max-width: \(widthCSS)px; color: #1d1d1d; background: #fff; }
            h1 { font-size: 1.3em; margin: 0 0 .2em; }
            p { margin: 0 0 .8em; color: #5a5a5a; }
            img { display: block; max-width: 100%; height: auto; }
            .controls { display: flex; align-items: center; gap: .8em; margin: .6em 0 1.4em; }
            .controls input { flex: 1; }
            .controls output { min-width: 11em; font-weight: bold; }
            button { font: inherit; min-width: 7em; padding: .3em .8em; }
            figure { margin: 0; }
            figcaption { color: #5a5a5a; font-size: .9em; margin-top: .3em; }
            </style>
            </head>
            <body>
            <h1>\(TimelinePage.escape(title))</h1>
            <p>\(TimelinePage.escape(view)) · \(TimelinePage.escape(period))</p>
            <img id="frame" src="\(Timeline.framePath(dates[0], "png"))" width="\(widthCSS)" height="\(heightCSS)"
                 alt="\(TimelinePage.escape(view))">
            <div class="controls">
            <button id="play" type="button">\(play)</button>
            <input id="slider" type="range" min="0" max="\(dates.count - 1)" step="1" value="0"
                   aria-label="\(dateLabel)">
            <output id="date" for="slider"></output>
            </div>
            <figure>
            <img src="areas.svg" alt="\(TimelinePage.escape(chart))">
            <figcaption>\(TimelinePage.escape(chart)) · <a href="areas.csv">areas.csv</a> ·
            <a href="animation.png">\(animation)</a> · <a href="areas.png">\(chartImage)</a></figcaption>
            </figure>
            <script>
            "use strict";
            const frames = [\(frames.joined(separator: ",\n"))];
            const frameMs = \(request.frameDelayMs), lastFrameMs = \(request.lastFrameDelayMs);
            const image = document.getElementById("frame"), slider = document.getElementById("slider");
            const label = document.getElementById("date"), button = document.getElementById("play");
            const preloaded = frames.map(frame => { const image = new Image(); image.src = frame.src; return image; });
            let current = 0, timer = null;
            function show(index) {
              current = index;
              image.src = frames[index].src;
              slider.value = String(index);
              label.textContent = frames[index].date;
            }
            function step() {
              show((current + 1) % frames.length);
              timer = setTimeout(step, current === frames.length - 1 ? lastFrameMs : frameMs);
            }
            function pause() {
              clearTimeout(timer);
              timer = null;
              button.textContent = \(TimelinePage.script(play));
            }
            button.addEventListener("click", () => {
              if (timer !== null) { pause(); return; }
              button.textContent = \(TimelinePage.script(pause));
              timer = setTimeout(step, frameMs);
            });
            slider.addEventListener("input", () => { pause(); show(Number(slider.value)); });
            show(0);
            </script>
            </body>
            </html>

            """
    }

    /// Text for HTML content and attributes.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A JavaScript string literal (JSON's) that cannot end the script element.
    static func script(_ text: String) -> String {
        JSONValue.quoted(text).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
