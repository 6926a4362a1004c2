// Benchmarks of the pipeline's stages, run as `swift run -c release controlmap-bench` from the repository root.
// Prints the median of several runs per stage; compare figures from one run only.
import Canvas
import Cartography
import Claims
import Dispatch
import Foundation
import Gazetteer
import Geometry
import Planar
import Storage
import Territory

/// `BENCH_CPU=1` measures the process's CPU time instead of wall time: on a machine busy with other work, CPU time
/// is what a stage would take alone (summed over threads where it uses several).
let measuresCPU = ProcessInfo.processInfo.environment["BENCH_CPU"] == "1"

func seconds(_ body: () throws -> Void) rethrows -> Double {
    func now() -> UInt64 {
        guard measuresCPU else { return DispatchTime.now().uptimeNanoseconds }
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
    let start = now()
    try body()
    return Double(now() - start) / 1e9
}

func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times = [Double]()
    for _ in 0..<runs { times.append(try seconds(body)) }
    return times.sorted()[runs / 2]
}

func report(_ name: String, _ value: Double, budget: Double) {
    let verdict = value <= budget ? "within" : "OVER"
    print(String(format: "%-58@ %9.1f ms  (%@ budget %.0f ms)", name as NSString, value * 1000, verdict, budget * 1000))
}

let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
/// `controlmap-bench gazetteer` (or territory, render) runs one section only, for profiling.
let only = CommandLine.arguments.dropFirst().first
func runs(_ section: String) -> Bool { only == nil || only == section }
let basemap = try GazetteerLoader.loadBasemap(directory: root.appendingPathComponent("Gazetteer"))
let country = basemap.country.area
let gazetteerFolder = root.appendingPathComponent("Gazetteer")
/// The benchmark's own cache folder, as the command line keeps one in the user's cache.
let cache = CacheFolder(folder: FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-bench-\(getpid())"),
                        write: { bytes, file in
                            do {
                                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                                        withIntermediateDirectories: true)
                                try Data(bytes).write(to: file, options: .atomic)
                                return nil
                            } catch {
                                return "\(error)"
                            }
                        }, warn: { print($0) })
defer { try? FileManager.default.removeItem(at: cache.folder) }

// MARK: - Gazetteer: load and resolve 10,000 mixed queries

if runs("gazetteer") {
func loadGazetteer(cache: CacheFolder?) throws -> Gazetteer {
    try GazetteerLoader.loadChecked(directory: gazetteerFolder, country: country, cache: cache).gazetteer
}
/// 10,000 of the gazetteer's own names, English, Arabic and alternate; every fifth loses its last letter.
func mixedQueries(_ gazetteer: Gazetteer) -> [String] {
    let names = gazetteer.places.flatMap { [$0.nameEn, $0.nameAr, $0.altNames.first ?? $0.nameEn] }
        .filter { !$0.isEmpty }
    return (0..<10_000).map { index in
        let query = names[(index * 7919) % names.count]
        return index % 5 == 0 ? String(query.dropLast()) : query
    }
}
func resolveAll(_ queries: [String], in gazetteer: Gazetteer) {
    let found = queries.filter { if case .found = gazetteer.resolve($0) { true } else { false } }.count
    precondition(found > queries.count / 2)
}
_ = try loadGazetteer(cache: cache)
let gazetteerTime = try median(5) {
    let gazetteer = try loadGazetteer(cache: cache)
    precondition(gazetteer.places.count >= 10_000, "the village layers are missing from Gazetteer/")
    resolveAll(mixedQueries(gazetteer), in: gazetteer)
}
report("gazetteer: load ≥10,000 places + 10,000 Arabic/Latin queries", gazetteerTime, budget: 0.3)
let loaded = try loadGazetteer(cache: cache)
let queries = mixedQueries(loaded)
report("  of which the queries (a fifth of them near spellings)", median(5) { resolveAll(queries, in: loaded) },
       budget: 0.1)
let loadTime = try median(3) { _ = try loadGazetteer(cache: cache) }
report("  of which loading the layers from the cache", loadTime, budget: 0.2)
let freshTime = try median(3) { _ = try loadGazetteer(cache: nil) }
report("  loading, merging and checking the layers without the cache", freshTime, budget: 2)
}

// MARK: - Territory on a synthetic scenario of 3,000 places and 60 dates

struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 11 ^ state
    }
}
if runs("territory") {
var random = SeededGenerator(state: 2024)
let envelope = country.envelope!
let inside = RegionIndex(country)
/// `count` places scattered over the country, one city in 50 and one town in 7.
func syntheticPlaces(_ count: Int) -> [Place] {
    var places = [Place]()
    while places.count < count {
        let position = LonLat(Double.random(in: envelope.minLon...envelope.maxLon, using: &random),
                              Double.random(in: envelope.minLat...envelope.maxLat, using: &random))
        guard inside.contains(position) else { continue }
        let kind: PlaceKind = places.count % 50 == 0 ? .city : places.count % 7 == 0 ? .town : .village
        places.append(Place(id: "p\(places.count)", kind: kind, nameEn: "Place \(places.count)", lonLat: position,
                            source: "synthetic"))
    }
    return places
}
let places = syntheticPlaces(3_000)
let actors = ["government", "hts", "sna", "sdf"]
let firstDay = Day(iso: "2024-10-01")!
var claims = [Claim]()
for (index, place) in places.enumerated() {
    let side = actors[Int(place.lonLat.lon * 3 + place.lonLat.lat) % actors.count]
    claims.append(Claim(date: firstDay, placeID: place.id, actor: side, status: .control,
                        citation: Citation(source: "synthetic", url: ""), location: .init(file: "", line: index, column: 1)))
}
for day in 1..<60 {
    for _ in 0..<40 {
        let place = places[Int.random(in: 0..<places.count, using: &random)]
        claims.append(Claim(date: firstDay.adding(days: day), placeID: place.id,
                            actor: actors.randomElement(using: &random)!, status: day % 9 == 0 ? .contested : .control,
                            citation: Citation(source: "synthetic", url: ""), location: .init(file: "", line: 0, column: 1)))
    }
}
let gazetteer = Gazetteer(places: places)
let ordered = places.sorted { $0.id < $1.id }
let tessellationTime = try median(5) {
    _ = try Tessellation(sites: ordered.map(\.lonLat), reachKm: ordered.map(\.kind.reachKm), region: country)
}
report("tessellation of 3,000 places (Voronoi, clip, clean coverage)", tessellationTime, budget: 0.06)
var cells: PlaceCells!
let cellsTime = try median(3) { cells = try PlaceCells(places: places, country: country) }
report("all the cache holds: tessellation + edge topology + areas", cellsTime, budget: 0.06)
let manyPlaces = syntheticPlaces(30_000)
let triangulationTime = try median(3) { _ = try Delaunay(points: manyPlaces.map(\.lonLat)) }
report("Delaunay triangulation of 30,000 places (qhull, exact checks)", triangulationTime, budget: 0.1)
let manyCellsTime = try median(3) { _ = try PlaceCells(places: manyPlaces, country: country) }
report("the same for 30,000 places", manyCellsTime, budget: 0.6)
let decodeTime = median(5) { _ = PlaceCells(encoded: cells.encoded()) }
report("cells cache: encode + decode", decodeTime, budget: 0.05)
let history = ClaimHistory(claims: claims, gazetteer: gazetteer)
let circles = cells.placeIDs.map { gazetteer.place(id: $0).map(ReachCircle.init(place:)) }
let oneDate = try median(5) {
    _ = try TerritoryMap(snapshot: history.snapshot(at: firstDay.adding(days: 30)), cells: cells, circles: circles)
}
report("zones + fronts + areas for one more date, from the cache", oneDate, budget: 0.01)
let allDates = median(3) { [claims, gazetteer, cells = cells!] in
    let history = ClaimHistory(claims: claims, gazetteer: gazetteer)
    DispatchQueue.concurrentPerform(iterations: 60) { day in
        _ = try? TerritoryMap(snapshot: history.snapshot(at: firstDay.adding(days: day)), cells: cells,
                              circles: circles)
    }
}
report("snapshot + zones + areas for all 60 dates (both cores)", allDates, budget: 1.0)
}

// MARK: - Cartography: the north-west map of the bundled scenario

if runs("render") {
// `BENCH_SCENARIO`, `BENCH_GAZETTEER` and `BENCH_VIEW` measure another scenario the same way (the side-by-side
// benchmark's, for one: its folders and the view `syria`).
let environment = ProcessInfo.processInfo.environment
let scenarioFolder = URL(fileURLWithPath: environment["BENCH_SCENARIO"] ?? root.appendingPathComponent("Scenarios/aleppo-2024").path)
let renderGazetteer = environment["BENCH_GAZETTEER"].map { URL(fileURLWithPath: $0) } ?? gazetteerFolder
let viewID = environment["BENCH_VIEW"] ?? "northwest"
/// As every command loads its inputs: the basemap, the gazetteer from the cache, the scenario with its own places.
func loadScenario() throws -> (Basemap, Scenario) {
    let loaded = try Validation.load(InputPaths(scenarioURL: scenarioFolder, gazetteerURL: renderGazetteer), cache: cache)
    return (loaded.basemap, loaded.scenario)
}
_ = try loadScenario()
report("\(viewID) map, load: basemap, gazetteer from the cache, scenario", try median(5) { _ = try loadScenario() },
       budget: 0.05)
let (renderBasemap, scenario) = try loadScenario()
let renderCountry = renderBasemap.country.area
let day = scenario.dates.last!
report("  snapshot of the last date", median(5) { _ = scenario.snapshot(at: day) }, budget: 0.005)
let model = TerritoryModel(scenario: scenario, country: renderCountry)
let snapshot = scenario.snapshot(at: day)
let cells = try model.cells(for: snapshot)
var territory: TerritoryMap!
report("  zones + fronts (cells in memory)", try median(5) {
    territory = try TerritoryMap(snapshot: snapshot, cells: cells, areaClaims: scenario.areaClaims, sides: scenario.sides,
                                 circles: model.circles(of: cells))
}, budget: 0.02)
// A new model for each run, so that the date's map is worked out again, over cells kept in memory.
let keptCells = CellStore()
_ = try TerritoryModel(scenario: scenario, country: renderCountry, store: keptCells).map(at: day)
report("  zones + fronts + areas, regions, outlines and area claims overlaid", try median(5) {
    _ = try TerritoryModel(scenario: scenario, country: renderCountry, store: keptCells).map(at: day)
}, budget: 0.03)
report("  diff of the first and last dates", try median(5) {
    _ = try model.diff(from: scenario.dates.first!, to: day)
}, budget: 0.03)
report("  areas: geodesic area of every zone", median(5) {
    _ = territory.zones.map { Geodesic.areaKm2($0.area) }
}, budget: 0.005)
let renderer = MapRenderer(basemap: renderBasemap, territory: model)
let view = MapView.builtIn.first { $0.id == viewID }!
for (format, budget) in [(ImageFormat.png, 0.1), (.svg, 0.1)] {
    let request = MapRequest(date: day, view: view, format: format, widthPx: 2000, dpi: 144)
    var stages = [String: [Double]]()
    let renderTime = try median(5) {
        var last = DispatchTime.now().uptimeNanoseconds
        _ = try renderer.renderWithLayout(request) { stage in
            let now = DispatchTime.now().uptimeNanoseconds
            stages[stage, default: []].append(Double(now - last) / 1e9)
            last = now
        }
    }
    report("render 2000 px wide \(format.rawValue.uppercased()) of the \(viewID) view", renderTime, budget: budget)
    for stage in MapRenderer.stages {
        let times = (stages[stage] ?? [0]).sorted()
        report("  \(stage)", times[times.count / 2], budget: budget / 2)
    }
}
}

// MARK: - PNG size: another program's image through this encoder

/// `controlmap-bench reencode FILE.png…` decodes each image and encodes the same pixels again, so the encoder's
/// size can be compared with another writer's (the C reference's, for one) at equal pixels.
if only == "reencode" {
    for path in CommandLine.arguments.dropFirst(2) {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let image = try RasterImage(png: original)
        var encoded = [UInt8]()
        let time = try median(3) { encoded = try image.png() }
        let decoded = try RasterImage(png: encoded)
        precondition(decoded == image, "the encoded image does not decode to the same pixels")
        print(String(format: "%@: %d×%d, %d bytes as given, %d bytes re-encoded (%.2f×) in %.1f ms", path, image.width,
                     image.height, original.count, encoded.count, Double(encoded.count) / Double(original.count),
                     time * 1000))
    }
}
