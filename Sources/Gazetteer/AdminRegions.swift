public import Foundation
public import Geometry

/// An administrative unit a claim may name: a governorate (admin-1) or a district (admin-2), with its outline.
public struct AdminRegion: Hashable, Sendable, Identifiable {
    public enum Level: String, Hashable, Sendable, CaseIterable {
        case governorate, district
    }

    /// The OCHA P-code: `SY07` for a governorate, `SY0702` for a district.
    public var id: String
    public var level: Level
    public var nameEn: String
    public var nameAr: String
    public var altNames: [String]
    /// The governorate of a district; nil for a governorate.
    public var parent: String?
    public var area: MultiPolygon

    public init(id: String, level: Level, nameEn: String, nameAr: String, altNames: [String] = [], parent: String?,
                area: MultiPolygon) {
        self.id = id
        self.level = level
        self.nameEn = nameEn
        self.nameAr = nameAr
        self.altNames = altNames
        self.parent = parent
        self.area = area
    }

    /// `Harim district (حارم, SY0703)`
    public var described: String {
        "\(nameEn) \(level.rawValue) (\(nameAr.isEmpty ? "" : nameAr + ", ")\(id))"
    }
}

/// The governorates and districts, looked up by P-code, by name with a level word, and by position.
public struct AdminRegions: Sendable {
    public let regions: [AdminRegion]
    private let byID: [String: Int]
    private let index: [(box: Envelope, region: Int)]
    /// The regions (indices in `regions`, ascending) each name key, and each key's skeleton, belongs to.
    private let byKey: [String: [Int]]
    private let bySkeleton: [String: [Int]]

    public init(_ regions: [AdminRegion] = []) {
        self.regions = regions
        byID = Dictionary(regions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        index = regions.enumerated().compactMap { number, region in region.area.envelope.map { ($0, number) } }
        var byKey = [String: [Int]](), bySkeleton = [String: [Int]]()
        for (number, region) in regions.enumerated() {
            for key in region.names.map(NameKey.init) {
                if byKey[key.key]?.last != number { byKey[key.key, default: []].append(number) }
                if bySkeleton[key.skeleton]?.last != number { bySkeleton[key.skeleton, default: []].append(number) }
            }
        }
        self.byKey = byKey
        self.bySkeleton = bySkeleton
    }

    public var isEmpty: Bool { regions.isEmpty }

    public func region(id: String) -> AdminRegion? {
        byID[id.uppercased()].map { regions[$0] }
    }

    /// The units that hold `point`, the district first, then its governorate.
    public func containing(_ point: LonLat) -> [AdminRegion] {
        let holding = index.filter { $0.box.contains(point) }.map { regions[$0.region] }
            .filter { $0.area.polygons.contains { $0.covers(point) } }
        return holding.sorted { ($0.level == .district ? 0 : 1) < ($1.level == .district ? 0 : 1) }
    }

    // MARK: - Names

    /// What a name given in a claim says of a region.
    public enum Resolution: Hashable, Sendable {
        case found(AdminRegion)
        case ambiguous([AdminRegion])
        /// Not a region's name. `levelNamed` is true when the text carried a level word, so it meant a region.
        case unknown(levelNamed: Bool)
    }

    /// Resolves `SY07`, `SY0702`, "Idleb governorate", "Idlib province", "محافظة إدلب", "Harim district",
    /// "منطقة حارم"; a name with "region" or "area", or a bare name, may mean either level.
    public func resolve(_ text: String) -> Resolution {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let region = region(id: trimmed) { return .found(region) }
        let (name, levels) = AdminRegions.levelWord(in: trimmed)
        let key = NameKey(name)
        guard !key.key.isEmpty else { return .unknown(levelNamed: levels != nil) }
        func named(_ numbers: [Int]?) -> [AdminRegion] {
            (numbers ?? []).map { regions[$0] }.filter { levels?.contains($0.level) ?? true }
        }
        var matches = named(byKey[key.key])
        if matches.isEmpty && !key.skeleton.isEmpty {
            matches = named(bySkeleton[key.skeleton])
        }
        switch matches.count {
        case 0: return .unknown(levelNamed: levels != nil)
        case 1: return .found(matches[0])
        default: return .ambiguous(matches.sorted { $0.id < $1.id })
        }
    }

    /// True when `text` carries a level word ("governorate", "district", "محافظة"…).
    public static func namesLevel(_ text: String) -> Bool {
        // A level word comes with a space: a name without one (most names) is answered without splitting it.
        // Every Unicode space is a byte under 0x21 or starts with one of these lead bytes in UTF-8.
        guard text.utf8.contains(where: { $0 <= 0x20 || $0 == 0xC2 || $0 == 0xE1 || $0 == 0xE2 || $0 == 0xE3 })
        else { return false }
        return levelWord(in: text).1 != nil
    }

    private static let levelWords: [(word: String, levels: Set<AdminRegion.Level>)] = [
        ("governorate", [.governorate]), ("province", [.governorate]), ("muhafazat", [.governorate]),
        ("محافظة", [.governorate]), ("محافظه", [.governorate]),
        ("district", [.district]), ("mantiqat", [.district]), ("منطقة", [.district]), ("منطقه", [.district]),
        ("region", [.governorate, .district]), ("area", [.governorate, .district]),
    ]

    /// The name without its level word, and the levels that word names (nil without one).
    static func levelWord(in text: String) -> (String, Set<AdminRegion.Level>?) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count > 1 else { return (text, nil) }
        let (first, last) = (words[0].lowercased(), words[words.count - 1].lowercased())
        for (word, levels) in levelWords {
            if first == word { return (words.dropFirst().joined(separator: " "), levels) }
            if last == word { return (words.dropLast().joined(separator: " "), levels) }
        }
        return (text, nil)
    }
}

extension AdminRegion {
    var names: [String] { [nameEn, nameAr].filter { !$0.isEmpty } + altNames }
}

extension Polygon {
    /// Even-odd test against the shell and holes.
    func covers(_ point: LonLat) -> Bool {
        exterior.ringContains(point) && !holes.contains { $0.ringContains(point) }
    }
}

extension GazetteerLoader {
    /// Reads `admin/governorates.geojson` and `admin/districts.geojson` (written by scripts/import-admin.py,
    /// `alt_names` separated by `|`);
    /// no folder means no regions.
    public static func loadAdminRegions(directory: URL) throws -> AdminRegions {
        var regions = [AdminRegion]()
        for level in AdminRegion.Level.allCases {
            let url = directory.appendingPathComponent("admin/\(level.rawValue == "district" ? "districts" : "governorates").geojson")
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let name = displayName(url)
            let features = try GeoJSONReader.features(from: try InputText.data(url, file: name), file: name)
            for feature in features {
                let properties = feature.properties
                guard let code = properties["pcode"], !code.isEmpty else {
                    throw InputError(feature.location, "a region without \"pcode\"; regenerate with scripts/import-admin.py")
                }
                let parent = properties["parent"].flatMap { $0.isEmpty ? nil : $0 }
                regions.append(AdminRegion(id: code.uppercased(), level: level, nameEn: properties["name_en"] ?? code,
                                           nameAr: properties["name_ar"] ?? "", altNames: (properties["alt_names"] ?? "").split(separator: "|").map(String.init),
                                           parent: parent, area: feature.area))
            }
        }
        return AdminRegions(regions)
    }
}
