public import Foundation
import Dispatch
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
        let loaded = try loadChecking(directory: directory, extraLayers: extraLayers, country: country, cache: cache)
        return CheckedGazetteer(gazetteer: loaded.gazetteer, problems: try loaded.problems.value())
    }

    /// As `loadChecked`, but a gazetteer merged anew is returned at once and checked on another thread (and only
    /// then kept in `cache`): what is loaded over it (a scenario's claims) need not wait for its problems.
    public static func loadChecking(directory: URL, extraLayers: [URL] = [], country: MultiPolygon,
                                    cache: CacheFolder?) throws
        -> (gazetteer: Gazetteer, problems: Background<[InputProblem]>) {
        let files = try read(try layerFiles(directory: directory, extraLayers: extraLayers))
        let file = cache.map { _ in "gazetteer-\(CheckedGazetteer.key(files: files, country: country)).bin" }
        if let cache, let file, let kept = cache.kept(.checkedGazetteer, file: file) {
            return (kept.gazetteer, Background.ready(kept.problems))
        }
        let (layers, outlines) = try layersAndOutlines(files)
        let gazetteer = Gazetteer(layers: layers.map { $0.map(\.place) }, outlines: outlines)
        let problems = Background {
            let problems = GazetteerCheck.problems(layers: layers, merged: gazetteer, country: country)
            if let cache, let file {
                cache.keep(CheckedGazetteer(gazetteer: gazetteer, problems: problems), .checkedGazetteer, file: file)
            }
            return problems
        }
        return (gazetteer, problems)
    }
}

extension CheckedGazetteer {
    /// Changed whenever the same files would give another gazetteer or other problems.
    static let formatVersion = "gazetteer-5"

    /// A hash of the format, the program file, each layer's name and bytes, and the country's rings.
    static func key(files: [GazetteerLoader.LayerFile], country: MultiPolygon) -> String {
        var hash = InputHash()
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

extension CacheFolder {
    /// The running program's path, size and modification time, for the keys of what a rebuilt program may
    /// compute otherwise.
    public static var programIdentity: String { CheckedGazetteer.programIdentity }
}

extension CacheFolder.Kind<CheckedGazetteer> {
    static var checkedGazetteer: Self {
        Self(name: "gazetteer", magic: "CMGAZET1", encode: { $0.encoded() }, decode: CheckedGazetteer.init(reader:))
    }
}

// MARK: - Binary form

extension CheckedGazetteer {
    /// The format version, then the name index's section (its length, the keys, their owners), then the places
    /// and the rest: the two halves decode on two threads.
    func encoded() -> [UInt8] {
        var names = ByteWriter()
        names.append(count: gazetteer.nameKeys.count)
        for name in gazetteer.nameKeys {
            names.append(name.key)
            names.append(name.skeleton)
            names.append(UInt32(PlaceKind.allCases.indices.reduce(0) {
                name.kindHint.contains(PlaceKind.allCases[$1]) ? $0 | 1 << $1 : $0
            }))
        }
        names.append(count: gazetteer.nameOwners.count)
        for owner in gazetteer.nameOwners {
            names.append(count: owner.name)
            names.append(count: owner.place)
            names.append(count: owner.primary ? 1 : 0)
        }
        // The index's entries by spelling and by skeleton, so that a run reading the cache hashes and sorts none.
        for entries in [gazetteer.names.byKey, gazetteer.names.bySkeleton] {
            names.append(uint64s: entries.hashes)
            names.append(int32s: entries.owners.map { Int32($0) })
        }
        var writer = ByteWriter()
        writer.append(Self.formatVersion)
        writer.append(UInt64(names.bytes.count))
        writer.append(raw: names.bytes)
        // The places in two parts, the first (a quarter) read with the names and the second with the rest, so
        // that the two threads reading them back take about as long: the first part's length in bytes leads.
        let places = gazetteer.places, split = places.count / 4
        var first = ByteWriter()
        for place in places[..<split] { first.append(place) }
        writer.append(count: places.count)
        writer.append(count: split)
        writer.append(UInt64(first.bytes.count))
        writer.append(raw: first.bytes)
        for place in places[split...] { writer.append(place) }
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

    /// Decodes the cache's contents; nil when they are not a whole gazetteer of this format. The names and a
    /// quarter of the places are read on one thread while the other places and the rest are read on another.
    init?(encoded bytes: [UInt8]) {
        self.init(reader: ByteReader(bytes: bytes))
    }

    /// As `init(encoded:)`, from where `reader` stands to its end; the two threads read the reader's bytes in place,
    /// each place straight into its slot of the gazetteer's list.
    init?(reader start: ByteReader) {
        var reader = start
        guard reader.string() == Self.formatVersion, let length = reader.uint64(), length <= reader.remaining else {
            return nil
        }
        let bytes = reader.bytes
        let namesStart = reader.offset, namesEnd = reader.offset + Int(length), end = reader.end
        var places = ByteReader(bytes: bytes, range: namesEnd..<end)
        // A place takes 84 bytes at the least (its texts empty): a count past that is damage, not a size to allocate.
        guard let total = places.count(limit: places.remaining / 84), let split = places.count(limit: total),
              let firstLength = places.uint64(), firstLength <= places.remaining else { return nil }
        let firstStart = places.offset, firstEnd = places.offset + Int(firstLength)
        let halves = Halves<LazyNameIndex, Parts>()
        let read = Halves<Int, Int>(), trailing = Halves<Bool, Bool>()
        let list = [Place](unsafeUninitializedCapacity: total) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                if half == 0 {
                    halves.first = Self.nameIndex(ByteReader(bytes: bytes, range: namesStart..<namesEnd))
                    var first = ByteReader(bytes: bytes, range: firstStart..<firstEnd)
                    read.first = Self.readPlaces(&first, into: slots, 0..<split)
                    trailing.first = !first.atEnd
                } else {
                    var rest = ByteReader(bytes: bytes, range: firstEnd..<end)
                    read.second = Self.readPlaces(&rest, into: slots, split..<total)
                    halves.second = Parts(rest, placeCount: total)
                }
            }
            let (first, second) = (read.first ?? 0, read.second ?? 0)
            if first == split && second == total - split && trailing.first == false {
                initialized = total
            } else {
                // A part that did not read whole: the places read are let go, and nothing is kept.
                if first > 0 { slots.baseAddress!.deinitialize(count: first) }
                if second > 0 { (slots.baseAddress! + split).deinitialize(count: second) }
                initialized = 0
            }
        }
        guard list.count == total, let names = halves.first, let parts = halves.second,
              let gazetteer = Gazetteer(places: list, aliases: parts.aliases, divergences: parts.divergences,
                                        notable: parts.notable, names: names, outlines: parts.outlines)
        else { return nil }
        self.init(gazetteer: gazetteer, problems: parts.problems)
    }

    /// Reads places into `slots[range]`, one after another; gives how many it read (fewer when one would not).
    private static func readPlaces(_ reader: inout ByteReader, into slots: UnsafeMutableBufferPointer<Place>,
                                   _ range: Range<Int>) -> Int {
        for index in range {
            guard let place = reader.place() else { return index - range.lowerBound }
            (slots.baseAddress! + index).initialize(to: place)
        }
        return range.count
    }

    private static func nameIndex(_ names: ByteReader) -> LazyNameIndex? {
        var reader = names
        guard let keys = reader.list({ $0.nameKey() }),
              let owners = reader.list({ reader -> NameIndex.Owner? in
                  guard let name = reader.count(limit: keys.count - 1), let place = reader.count(limit: Int(Int32.max)),
                        let primary = reader.count(limit: 1) else { return nil }
                  return NameIndex.Owner(name: name, place: place, primary: primary == 1)
              })
        else { return nil }
        var entries = [HashedEntries]()
        for _ in 0..<2 {
            guard let hashes = reader.uint64s(), let numbers = reader.int32s(),
                  let read = HashedEntries(hashes: hashes, owners: numbers.map(Int.init), ownerCount: owners.count)
            else { return nil }
            entries.append(read)
        }
        guard reader.atEnd else { return nil }
        return LazyNameIndex(keys: keys, owners: owners, entries: (entries[0], entries[1]))
    }

    /// Everything but the name index and the places.
    private struct Parts {
        let aliases: [String: String]
        let divergences: [SourceDivergence]
        let notable: Set<Int>
        let outlines: [String: MultiPolygon]
        let problems: [InputProblem]

        /// Read after the places, which number `placeCount`.
        init?(_ bytes: ByteReader, placeCount: Int) {
            var reader = bytes
            guard let aliases = reader.list({ reader in
                      reader.string().flatMap { id in reader.string().map { (id, $0) } }
                  }),
                  let divergences = reader.list({ $0.divergence() }),
                  let notable = reader.list({ $0.count(limit: placeCount - 1) }),
                  let outlines = reader.list({ reader in
                      reader.string().flatMap { id in reader.multiPolygon().map { (id, $0) } }
                  }),
                  let problems = reader.list({ $0.problem() })
            else { return nil }
            self.aliases = Dictionary(aliases, uniquingKeysWith: { _, last in last })
            self.divergences = divergences
            self.notable = Set(notable)
            self.outlines = Dictionary(outlines, uniquingKeysWith: { _, last in last })
            self.problems = problems
            guard reader.atEnd else { return nil }
        }
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
    mutating func nameKey() -> NameKey? {
        guard let key = string(), let skeleton = string(), let mask = uint32() else { return nil }
        let hint = mask == 0 ? []
            : Set(PlaceKind.allCases.indices.filter { mask & 1 << $0 != 0 }.map { PlaceKind.allCases[$0] })
        return NameKey(key: key, skeleton: skeleton, kindHint: hint)
    }

    mutating func divergence() -> SourceDivergence? {
        guard let merged = string(), let kept = string(), let mergedSource = string(), let keptSource = string(),
              let km = double() else { return nil }
        return SourceDivergence(mergedID: merged, placeID: kept, mergedSource: mergedSource, keptSource: keptSource,
                                distanceKm: km)
    }

    mutating func problem() -> InputProblem? {
        guard let file = string(), let line = count(limit: Int(UInt32.max)), let column = count(limit: Int(UInt32.max)),
              let message = string(), let warning = count(limit: 1) else { return nil }
        return InputProblem(SourceLocation(file: file, line: line, column: column), message, isWarning: warning == 1)
    }

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
