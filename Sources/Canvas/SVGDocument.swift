internal import CCairo
import Foundation
import Glibc

/// What an SVG map gains over Cairo's own SVG: text as `<text>` with its fonts named, so a desk can edit, search
/// and restyle it, and each layer a `<g id>`. Cairo's SVG surface knows neither, so the canvas draws a marker
/// (a drawing whose colour encodes what it stands for) at each layer boundary and text, and `finish()` replaces
/// the markers in Cairo's output. Fills and strokes are written here too, for speed (`SVGElements.swift`).
final class SVGDocument {
    /// A marker's meaning, in its red channel. An element's index runs past the green and blue channels into
    /// the red one: red 4 + k stands for elements 65536·k to 65536·k + 65535.
    enum Marker: Int {
        case layerStart = 1, layerEnd = 2, text = 3, element = 4
    }

    /// How many elements the red channel has room for.
    static let elementCapacity = (256 - Marker.element.rawValue) * 65_536

    /// The opacity that tells a marker from a drawing.
    static let markerOpacity = 0.0123

    private(set) var layers: [String] = []
    private(set) var texts: [String] = []
    /// Drawings written here rather than by Cairo (`SVGElements.swift`), one after another, and where each ends.
    private var elementBytes: [UInt8] = []
    private var elementEnds: [Int] = []
    private var clipCount = 0

    func addLayer(_ id: String) -> Int {
        layers.append(id)
        return layers.count - 1
    }

    func addText(_ element: String) -> Int {
        texts.append(element)
        return texts.count - 1
    }

    /// Adds the element that `write` appends to the bytes given; its index, for its marker.
    func addElement(_ write: (inout [UInt8]) -> Void) -> Int {
        write(&elementBytes)
        elementEnds.append(elementBytes.count)
        return elementEnds.count - 1
    }

    /// A clip path id of this document's own (Cairo's are `clipN`).
    func newClipID() -> String {
        clipCount += 1
        return "area\(clipCount)"
    }

    private func element(_ index: Int) -> ArraySlice<UInt8> {
        elementBytes[(index == 0 ? 0 : elementEnds[index - 1])..<elementEnds[index]]
    }

    /// Cairo's SVG with the markers replaced: a layer boundary closes and reopens the clip groups around it, so
    /// that each layer is a group of its own at the top of the drawing, and a text marker becomes its `<text>`.
    /// Works on the bytes, line by line: the file runs to megabytes, and only a few lines are markers.
    func replacingMarkers(in svg: [UInt8]) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(svg.count + texts.reduce(0) { $0 + $1.utf8.count } + elementBytes.count)
        var open = [Range<Int>]()
        var inBody = false
        var first = true
        var sameClip = [ArraySlice<UInt8>: ArraySlice<UInt8>]()  // id of a copy → first id
        func append(_ line: Range<Int>) {
            if !first { output.append(UInt8(ascii: "\n")) }
            first = false
            if !sameClip.isEmpty, Self.starts(svg, line, with: Self.groupStart),
               let reference = Self.find(Self.clipReference, in: svg[line]),
               let idEnd = svg[reference..<line.upperBound].firstIndex(of: UInt8(ascii: ")")),
               let kept = sameClip[svg[reference..<idEnd]] {
                output += svg[line.lowerBound..<reference]
                output += kept
                output += svg[idEnd..<line.upperBound]
            } else {
                output += svg[line]
            }
        }
        func append(_ text: String) {
            append(bytes: text.utf8)
        }
        func append(bytes: some Collection<UInt8>) {
            if !first { output.append(UInt8(ascii: "\n")) }
            first = false
            output += bytes
        }
        func closeAndReopen(closing extra: Int) {
            for _ in 0..<(open.count + extra) { append("</g>") }
        }
        // Cairo defines a clip path anew each time a clip is set, often the same outline many times over: each
        // is kept once, and references to a copy go to the first.
        var clipBlock: (id: ArraySlice<UInt8>, opening: Range<Int>)?
        var clipIDs = [UInt64: [(content: ArraySlice<UInt8>, id: ArraySlice<UInt8>)]]()  // content's hash → first
        var start = 0
        while start <= svg.count {
            let end = Self.lineEnd(in: svg, from: start)
            let line = start..<end
            start = end + 1
            guard inBody else {
                if let block = clipBlock {
                    guard svg[line].elementsEqual(Self.clipPathEnd) else { continue }
                    clipBlock = nil
                    let content = svg[block.opening.upperBound..<line.lowerBound]
                    let hash = Self.contentHash(content)
                    if let first = clipIDs[hash]?.first(where: { $0.content.elementsEqual(content) }) {
                        sameClip[block.id] = first.id
                    } else {
                        clipIDs[hash, default: []].append((content, block.id))
                        append(block.opening.lowerBound..<line.upperBound)
                    }
                    continue
                }
                if let id = Self.clipPathID(in: svg[line]) {
                    clipBlock = (id, line)
                    continue
                }
                append(line)
                inBody = Self.starts(svg, line, with: Self.surfaceGroup)
                continue
            }
            if let (marker, index) = marker(in: svg[line]) {
                switch marker {
                case .layerStart:
                    closeAndReopen(closing: 0)
                    append("<g id=\"\(layers[index])\">")
                    open.forEach { append($0) }
                case .layerEnd:
                    closeAndReopen(closing: 1)
                    open.forEach { append($0) }
                case .text:
                    append(texts[index])
                case .element:
                    append(bytes: element(index))
                }
                continue
            }
            if Self.starts(svg, line, with: Self.groupStart) && !svg[line].suffix(2).elementsEqual(Self.emptyEnd) {
                open.append(line)
            } else if svg[line].elementsEqual(Self.groupEnd) {
                if open.isEmpty { inBody = false } else { open.removeLast() }
            }
            append(line)
        }
        return output
    }

    private static let surfaceGroup = Array("<g id=\"surface".utf8), groupStart = Array("<g".utf8)
    private static let emptyEnd = Array("/>".utf8), groupEnd = Array("</g>".utf8)
    private static let markerStyle = Array("fill-opacity:\(markerOpacity);".utf8), rgb = Array("fill:rgb(".utf8)

    private static let clipPathStart = Array("<clipPath id=\"".utf8), clipPathEnd = Array("</clipPath>".utf8)
    private static let clipReference = Array("clip-path=\"url(#".utf8)

    /// The id of the clip path a `<clipPath id="…">` line opens.
    private static func clipPathID(in line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard line.starts(with: clipPathStart) else { return nil }
        let id = line.dropFirst(clipPathStart.count)
        return id.firstIndex(of: UInt8(ascii: "\"")).map { id[..<$0] }
    }

    private static func starts(_ bytes: [UInt8], _ line: Range<Int>, with prefix: [UInt8]) -> Bool {
        bytes[line].starts(with: prefix)
    }

    /// Where `pattern` ends first in `bytes`: its first byte found by memchr, the rest compared by memcmp (the
    /// file runs to megabytes).
    static func find(_ pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { haystack in
            pattern.withUnsafeBufferPointer { needle -> Int? in
                guard let base = haystack.baseAddress, let first = needle.first else { return nil }
                var offset = 0
                while offset + needle.count <= haystack.count,
                      let hit = memchr(base + offset, Int32(first), haystack.count - offset) {
                    let position = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    if position + needle.count <= haystack.count && memcmp(hit, needle.baseAddress!, needle.count) == 0 {
                        return bytes.startIndex + position + needle.count
                    }
                    offset = position + 1
                }
                return nil
            }
        }
    }

    /// Where the next line feed is in `bytes` from `start`, or the end.
    private static func lineEnd(in bytes: [UInt8], from start: Int) -> Int {
        guard start < bytes.count else { return bytes.count }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let found = memchr(buffer.baseAddress! + start, 0x0A, buffer.count - start) else { return buffer.count }
            return UnsafeRawPointer(found) - UnsafeRawPointer(buffer.baseAddress!)
        }
    }

    /// FNV-1a of a clip path's lines, to find a copy without hashing every byte through `Hasher`.
    private static func contentHash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBufferPointer { buffer in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
    }

    /// The marker a line of Cairo's SVG draws, decoded from `fill:rgb(r%,g%,b%);fill-opacity:0.0123`.
    private func marker(in line: ArraySlice<UInt8>) -> (Marker, Int)? {
        guard Self.find(Self.markerStyle, in: line) != nil, let start = Self.find(Self.rgb, in: line) else {
            return nil
        }
        let channels = line[start...].prefix { $0 != UInt8(ascii: ")") }
            .split(separator: UInt8(ascii: ",")).map { channel in
                Int(((Double(String(decoding: channel.dropLast(), as: UTF8.self)) ?? 0) * 2.55).rounded())
            }
        guard channels.count == 3 else { return nil }
        let low = channels[1] * 256 + channels[2]
        if channels[0] >= Marker.element.rawValue {
            let index = (channels[0] - Marker.element.rawValue) * 65_536 + low
            return index < elementEnds.count ? (.element, index) : nil
        }
        guard let marker = Marker(rawValue: channels[0]) else { return nil }
        return (marker, low)
    }

    /// `<text>` with one `<tspan>` per line at its baseline; the halo is a stroke painted under the fill.
    static func textElement(lines: [(text: String, x: Double, y: Double)], font: Font, colour: RGBA, halo: RGBA?,
                            haloWidthPt: Double) -> String {
        let families = font.family.split(separator: ",").map { "'\($0.trimmingCharacters(in: .whitespaces))'" }
        var style = "font-family:\(families.joined(separator: ","));font-size:\(number(font.sizePt))px;"
            + "font-weight:\(font.bold ? "bold" : "normal");fill:\(colour.hex);fill-opacity:\(number(colour.alpha))"
        if let halo {
            style += ";stroke:\(halo.hex);stroke-opacity:\(number(halo.alpha));stroke-width:\(number(haloWidthPt))"
                + ";stroke-linejoin:round;paint-order:stroke"
        }
        let spans = lines.map { line in
            "<tspan x=\"\(number(line.x))\" y=\"\(number(line.y))\">\(escaped(line.text))</tspan>"
        }
        return "<text xml:space=\"preserve\" style=\"\(style)\">" + spans.joined() + "</text>"
    }

    /// Three decimals at most, without trailing zeros. Digits by integer arithmetic: a map writes thousands of
    /// these, and a formatted string trimmed by a pattern cost more than the text's layout.
    static func number(_ value: Double) -> String {
        var bytes = [UInt8]()
        appendNumber(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") })
        else { return text }
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}

extension Canvas {
    /// Draws `body` as one layer: in SVG, a group with this id (each id once per map); elsewhere just `body`.
    public func layer(_ id: String, _ body: () throws -> Void) rethrows {
        guard let svg else { return try body() }
        drawMarker(.layerStart, svg.addLayer(id))
        try body()
        drawMarker(.layerEnd, 0)
    }

    /// A drawing whose colour says which marker it is: for a layer or a text, a speck at the top left outside any
    /// clip; for an element, the whole page under the clip in force, so that it lands in the clip's group. Every
    /// element under one clip then has the same extents, and Cairo writes the clip's outline once for them all
    /// rather than again for each drawing of other extents.
    func drawMarker(_ marker: SVGDocument.Marker, _ index: Int) {
        let red: Int
        if marker == .element {
            precondition(index < SVGDocument.elementCapacity, "an SVG map holds at most \(SVGDocument.elementCapacity) drawings")
            red = marker.rawValue + index / 65_536
        } else {
            precondition(index < 65_536, "an SVG map holds at most 65536 texts")
            red = marker.rawValue
        }
        cairo_save(cairo)
        cairo_new_path(cairo)
        if marker == .element {
            cairo_identity_matrix(cairo)
            cairo_rectangle(cairo, 0, 0, widthPt, heightPt)
        } else {
            cairo_reset_clip(cairo)
            cairo_rectangle(cairo, 0, 0, 0.01, 0.01)
        }
        cairo_set_source_rgba(cairo, Double(red) / 255, Double(index % 65_536 / 256) / 255,
                              Double(index % 256) / 255, SVGDocument.markerOpacity)
        cairo_fill(cairo)
        cairo_restore(cairo)
    }

    /// Records a laid-out text as SVG `<text>`, one `<tspan>` per Pango line, and marks its place in the drawing.
    func recordSVGText(_ layout: OpaquePointer, text: String, start: (x: Double, y: Double), font: Font, colour: RGBA,
                       halo: RGBA?, haloWidthPt: Double) {
        guard let svg, let iterator = pango_layout_get_iter(layout) else { return }
        defer { pango_layout_iter_free(iterator) }
        let bytes = Array(text.utf8)
        var lines = [(text: String, x: Double, y: Double)]()
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iterator) else { continue }
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            let from = Int(line.pointee.start_index), count = Int(line.pointee.length)
            let slice = bytes[min(from, bytes.count)..<min(from + count, bytes.count)]
            lines.append((String(decoding: slice, as: UTF8.self),
                          start.x + Double(logical.x) / Double(PANGO_SCALE),
                          start.y + Double(pango_layout_iter_get_baseline(iterator)) / Double(PANGO_SCALE)))
        } while pango_layout_iter_next_line(iterator) != 0
        let element = SVGDocument.textElement(lines: lines, font: font, colour: colour, halo: halo,
                                              haloWidthPt: haloWidthPt)
        drawMarker(.text, svg.addText(element))
    }
}
