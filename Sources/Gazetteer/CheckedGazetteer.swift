public import Foundation
public import Geometry

/// A gazetteer folder's layers merged into one gazetteer, with what `GazetteerCheck` finds in them: what every
/// command needs of the gazetteer, worked out once per process and kept in the cache between runs.
public struct CheckedGazetteer: Sendable {
    public let gazetteer: Gazetteer
    /// Errors and warnings about the layers' rows.
    public let problems: [InputProblem]
}

extension GazetteerLoader {
    /// Reads, merges and checks the place layers against the country; read back from `cache` instead when
    /// every layer file (its bytes and the name it is reported by), the country and the program are unchanged.
    public static func loadChecked(directory: URL, extraLayers: [URL] = [], country: MultiPolygon,
                                   cache: CacheFolder?) throws -> CheckedGazetteer {
        let files = try read(try layerFiles(directory: directory, extraLayers: extraLayers))
        func compute() throws -> CheckedGazetteer {
            let (layers, outlines) = try layersAndOutlines(files)
            let gazetteer = Gazetteer(layers: layers.map { $0.map(\.place) }, outlines: outlines)
            return CheckedGazetteer(gazetteer: gazetteer,
                                    problems: GazetteerCheck.problems(layers: layers, merged: gazetteer, country: country))
        }
        guard let cache else { return try compute() }
        let key = CheckedGazetteer.key(files: files, country: country)
        return try cache.value(.checkedGazetteer, file: "gazetteer-\(key).bin", compute: compute)
    }
}

extension CheckedGazetteer {
    /// Changed whenever the same files would give another gazetteer or other problems.
    static let formatVersion = "gazetteer-2"

    /// A hash of the format, the program file, each layer's name and bytes, and the country's rings.
    static func key(files: [GazetteerLoader.LayerFile], country: MultiPolygon) -> String {
        var hash = FNVHash()
        hash.mix(formatVersion)
        hash.mix(programIdentity)
        for file in files {
            hash.mix(file.name)
            hash.mix(UInt64(file.data.count))
            hash.mix(file.data)
        }
        for polygon in country.polygons {
            for ring in [polygon.exterior] + polygon.holes {
                hash.mix(UInt64(ring.count))
                for point in ring {
                    hash.mix(point.lon.bitPattern)
                    hash.mix(point.lat.bitPattern)
                }
            }
        }
        return hash.hex
    }

    /// The running program's path, size and modification time: a rebuilt program may merge or check otherwise.
    static let programIdentity: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}

extension CacheFolder.Kind<CheckedGazetteer> {
    static var checkedGazetteer: Self {
        Self(name: "gazetteer", magic: "CMGAZET1", encode: { $0.encoded() }, decode: CheckedGazetteer.init(encoded:))
    }
}

// MARK: - Binary form

extension CheckedGazetteer {
    func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.append(Self.formatVersion)
        writer.append(count: gazetteer.places.count)
        for place in gazetteer.places { writer.append(place) }
        let aliases = gazetteer.aliasTable.sorted { $0.key < $1.key }
        writer.append(count: aliases.count)
        for (id, target) in aliases {
            writer.append(id)
            writer.append(target)
        }
        writer.append(count: gazetteer.divergences.count)
        for divergence in gazetteer.divergences {
            for text in [divergence.mergedID, divergence.placeID, divergence.mergedSource, divergence.keptSource] {
                writer.append(text)
            }
            writer.append(divergence.distanceKm)
        }
        writer.append(count: gazetteer.notable.count)
        for index in gazetteer.notable.sorted() { writer.append(count: index) }
        writer.append(count: gazetteer.names.nameKeys.count)
        for name in gazetteer.names.nameKeys {
            writer.append(name.key)
            writer.append(name.skeleton)
            writer.append(UInt32(PlaceKind.allCases.indices.reduce(0) {
                name.kindHint.contains(PlaceKind.allCases[$1]) ? $0 | 1 << $1 : $0
            }))
        }
        let outlines = gazetteer.outlines.sorted { $0.key < $1.key }
        writer.append(count: outlines.count)
        for (id, outline) in outlines {
            writer.append(id)
            writer.append(outline)
        }
        writer.append(count: problems.count)
        for problem in problems {
            writer.append(problem.location.file)
            writer.append(count: problem.location.line)
            writer.append(count: problem.location.column)
            writer.append(problem.message)
            writer.append(count: problem.isWarning ? 1 : 0)
        }
        return writer.bytes
    }

    /// Decodes the cache's contents; nil when they are not a whole gazetteer of this format.
    init?(encoded bytes: [UInt8]) {
        var reader = ByteReader(bytes: bytes)
        guard reader.string() == Self.formatVersion, let placeCount = reader.count(limit: reader.remaining) else {
            return nil
        }
        var places = [Place]()
        places.reserveCapacity(placeCount)
        for _ in 0..<placeCount {
            guard let place = reader.place() else { return nil }
            places.append(place)
        }
        guard let aliasCount = reader.count(limit: reader.remaining) else { return nil }
        var aliases = [String: String](minimumCapacity: aliasCount)
        for _ in 0..<aliasCount {
            guard let id = reader.string(), let target = reader.string() else { return nil }
            aliases[id] = target
        }
        guard let divergenceCount = reader.count(limit: reader.remaining) else { return nil }
        var divergences = [SourceDivergence]()
        for _ in 0..<divergenceCount {
            guard let merged = reader.string(), let kept = reader.string(), let mergedSource = reader.string(),
                  let keptSource = reader.string(), let km = reader.double() else { return nil }
            divergences.append(SourceDivergence(mergedID: merged, placeID: kept, mergedSource: mergedSource,
                                                keptSource: keptSource, distanceKm: km))
        }
        guard let notableCount = reader.count(limit: reader.remaining) else { return nil }
        var notable = Set<Int>(minimumCapacity: notableCount)
        for _ in 0..<notableCount {
            guard let index = reader.count(limit: placeCount - 1) else { return nil }
            notable.insert(index)
        }
        guard let keyCount = reader.count(limit: reader.remaining) else { return nil }
        var keys = [NameKey]()
        keys.reserveCapacity(keyCount)
        for _ in 0..<keyCount {
            guard let key = reader.string(), let skeleton = reader.string(), let mask = reader.uint32() else {
                return nil
            }
            let hint = mask == 0 ? []
                : Set(PlaceKind.allCases.indices.filter { mask & 1 << $0 != 0 }.map { PlaceKind.allCases[$0] })
            keys.append(NameKey(key: key, skeleton: skeleton, kindHint: hint))
        }
        guard let outlineCount = reader.count(limit: reader.remaining) else { return nil }
        var outlines = [String: MultiPolygon](minimumCapacity: outlineCount)
        for _ in 0..<outlineCount {
            guard let id = reader.string(), let outline = reader.multiPolygon() else { return nil }
            outlines[id] = outline
        }
        guard let problemCount = reader.count(limit: reader.remaining) else { return nil }
        var problems = [InputProblem]()
        for _ in 0..<problemCount {
            guard let file = reader.string(), let line = reader.count(limit: Int(UInt32.max)),
                  let column = reader.count(limit: Int(UInt32.max)), let message = reader.string(),
                  let warning = reader.count(limit: 1) else { return nil }
            problems.append(InputProblem(SourceLocation(file: file, line: line, column: column), message,
                                         isWarning: warning == 1))
        }
        guard reader.atEnd, let gazetteer = Gazetteer(places: places, aliases: aliases, divergences: divergences,
                                                       notable: notable, nameKeys: keys, outlines: outlines)
        else { return nil }
        self.init(gazetteer: gazetteer, problems: problems)
    }
}

extension ByteWriter {
    mutating func append(_ place: Place) {
        for text in [place.id, place.kind.rawValue, place.nameEn, place.nameAr] { append(text) }
        append(count: place.altNames.count)
        for name in place.altNames { append(name) }
        append(place.lonLat.lon)
        append(place.lonLat.lat)
        for text in [place.parent ?? "", place.admin1, place.admin2, place.pcode, place.source] { append(text) }
        append(place.parent == nil ? 0 : 1 as UInt32)
        for number in [place.geonamesID, place.population] {
            append(number == nil ? 0 : 1 as UInt32)
            append(UInt64(bitPattern: Int64(number ?? 0)))
        }
    }
}

extension ByteReader {
    mutating func place() -> Place? {
        guard let id = string(), let kind = string().flatMap(PlaceKind.init(rawValue:)), let nameEn = string(),
              let nameAr = string(), let altCount = count(limit: remaining) else { return nil }
        var altNames = [String]()
        for _ in 0..<altCount {
            guard let name = string() else { return nil }
            altNames.append(name)
        }
        guard let lon = double(), let lat = double(), let parent = string(), let admin1 = string(),
              let admin2 = string(), let pcode = string(), let source = string(), let hasParent = uint32() else {
            return nil
        }
        func number() -> Int?? {
            guard let present = uint32(), let value = uint64() else { return nil }
            return .some(present == 1 ? Int(Int64(bitPattern: value)) : nil)
        }
        guard let geonamesID = number(), let population = number() else { return nil }
        return Place(id: id, kind: kind, nameEn: nameEn, nameAr: nameAr, altNames: altNames, lonLat: LonLat(lon, lat),
                     parent: hasParent == 1 ? parent : nil, admin1: admin1, admin2: admin2, pcode: pcode,
                     geonamesID: geonamesID, population: population, source: source)
    }
}
