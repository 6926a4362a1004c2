import ArgumentParser
import Claims
import Foundation
import Gazetteer
import Geometry

struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Look up place names in Arabic or any Latin spelling, or the place nearest a position.",
        discussion: """
            Scope a name with Parent/Name or --within. Exits non-zero when any name is ambiguous or unknown.

            Examples:
              controlmap resolve "Sheikh Maqsoud" "الشيخ مقصود" Alep
              controlmap resolve --within Aleppo Ashrafieh --format json
              controlmap resolve --at 36.2,37.16
            """)

    @OptionGroup var input: InputOptions

    @Argument(help: "Names or ids to look up.")
    var names: [String] = []

    @Option(help: "Look only inside this place (its children, or within 25 km).")
    var within: String?

    @Option(help: "Nearest place to LAT,LON.")
    var at: String?

    @Option(help: "text or json.")
    var format: SummaryFormat = .text

    func validate() throws {
        if names.isEmpty && at == nil { throw ValidationError("give at least one name, or --at LAT,LON") }
        if let at, position(at) == nil { throw ValidationError("--at must be LAT,LON in degrees, e.g. 36.2,37.16") }
    }

    func run() throws {
        let gazetteer = try reportingInputErrors {
            try GazetteerLoader.load(directory: input.gazetteerURL, extraLayers: input.extraLayers)
        }
        if let at, let position = position(at), let nearest = gazetteer.nearest(to: position) {
            let line = String(format: "%@ (%.1f km)", PlaceDescription.withID(nearest.place), nearest.distanceKm)
            print(format == .json ? JSONValue.array([json(nearest.place, score: nil)]).serialized(pretty: true) : line)
            return
        }
        var scope: Place?
        if let within {
            guard case .found(let place, _) = gazetteer.resolve(within) else {
                throw ValidationError("--within \"\(within)\" does not name one place; try its id")
            }
            scope = place
        }
        var results = [JSONValue]()
        var failed = false
        for name in names {
            let resolution = gazetteer.resolve(name, within: scope)
            switch resolution {
            case .found(let place, let score):
                results.append(.object([("query", .string(name))] + fields(place, score: score)))
                if format == .text { print("\(name): \(PlaceDescription.withID(place))") }
            case .ambiguous(let candidates):
                failed = true
                results.append(.object([("query", .string(name)),
                                        ("candidates", .array(candidates.map { json($0, score: nil) }))]))
                if format == .text {
                    print("\(name): ambiguous; pick one by id or with Parent/Name:")
                    for place in candidates { print("  \(PlaceDescription.withID(place))") }
                }
            case .unknown(let suggestions):
                failed = true
                results.append(.object([("query", .string(name)), ("error", .string("unknown place")),
                                        ("suggestions", .array(suggestions.map { json($0, score: nil) }))]))
                if format == .text {
                    let hint = suggestions.isEmpty ? "" : "; did you mean "
                        + suggestions.map(PlaceDescription.short).joined(separator: " or ") + "?"
                    print("\(name): unknown place\(hint)")
                }
            }
        }
        if format == .json { print(JSONValue.array(results).serialized(pretty: true)) }
        if failed { throw ExitCode.failure }
    }

    private func json(_ place: Place, score: Double?) -> JSONValue {
        .object(fields(place, score: score))
    }

    /// The fields of SPEC's contract: id, name, name_ar, kind, lat, lon, parent, admin1, score.
    private func fields(_ place: Place, score: Double?) -> [(String, JSONValue)] {
        [("id", .string(place.id)), ("name", .string(place.nameEn)), ("name_ar", .string(place.nameAr)),
         ("kind", .string(place.kind.rawValue)), ("lat", .number(place.lonLat.lat, decimals: 6)),
         ("lon", .number(place.lonLat.lon, decimals: 6)), ("parent", .optional(place.parent)),
         ("admin1", .string(place.admin1)), ("score", score.map { .number($0, decimals: 2) } ?? .null)]
    }

    private func position(_ text: String) -> LonLat? {
        let numbers = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 2, abs(numbers[0]) <= 90, abs(numbers[1]) <= 180 else { return nil }
        return LonLat(numbers[1], numbers[0])
    }
}
