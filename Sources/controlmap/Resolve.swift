import ArgumentParser
import Foundation
import Gazetteer
import Geometry

struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Look up place names in Arabic or any Latin spelling, or the place nearest a position.",
        discussion: """
            Scope a name with Parent/Name or --within. Exits non-zero when any name is ambiguous or unknown.

            Examples:
              controlmap resolve "Sheikh Maqsoud" "الشيخ مقصود" Alep
              controlmap resolve --within Aleppo Ashrafieh --format json
              controlmap resolve --at 37.16,36.2
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var cache: CacheOptions

    @Argument(help: "Names or ids to look up.")
    var names: [String] = []

    @Option(help: "Look only inside this place (its children, or within 25 km).")
    var within: String?

    @Option(help: "Nearest place to LON,LAT (longitude first, as everywhere in ControlMap).")
    var at: String?

    @Option(help: "text or json.")
    var format: SummaryFormat = .text

    func validate() throws {
        if names.isEmpty && at == nil { throw ValidationError("give at least one name, or --at LON,LAT") }
        if let at, position(at) == nil { throw ValidationError("--at must be LON,LAT in degrees, e.g. 37.16,36.2") }
    }

    func run() throws {
        let gazetteer = try reportingInputErrors {
            // Without a basemap the places cannot be checked against the country, so nothing is cached.
            let country = (try? GazetteerLoader.loadBasemap(directory: input.gazetteerURL))?.country.area
            return try GazetteerLoader.loadChecked(directory: input.gazetteerURL, extraLayers: input.extraLayers,
                                                   country: country ?? MultiPolygon(),
                                                   cache: country == nil ? nil : cache.folder).gazetteer
        }
        if let at, let position = position(at) {
            try checkExtent(position, gazetteer)
            guard let nearest = gazetteer.nearest(to: position) else { return }
            let line = String(format: "%@ (%.1f km)", describe(nearest.place), nearest.distanceKm)
            print(format == .json ? JSONValue.array([nearest.place.resolutionJSON()]).serialized(pretty: true) : line)
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
            results.append(resolution.json(query: name))
            switch resolution {
            case .found(let place, _):
                if format == .text { print("\(name): \(describe(place))") }
            case .ambiguous(let candidates):
                failed = true
                if format == .text {
                    print("\(name): ambiguous; pick one by id or with Parent/Name:")
                    for place in candidates { print("  \(describe(place))") }
                }
            case .unknown(let suggestions):
                failed = true
                if format == .text {
                    let hint = suggestions.isEmpty ? "" : "; did you mean "
                        + suggestions.map(describe).joined(separator: " or ") + "?"
                    print("\(name): unknown place\(hint)")
                }
            }
        }
        if format == .json { print(JSONValue.array(results).serialized(pretty: true)) }
        if failed { throw ExitCode.failure }
    }

    /// `gn-171451 Binnish (بنش), town, Idleb governorate, Idleb district, C3927, GeoNames 171451 at 36.7138,35.9566`
    private func describe(_ place: Place) -> String {
        let names = place.nameAr.isEmpty ? place.nameEn : "\(place.nameEn) (\(place.nameAr))"
        let codes = [place.pcode, place.geonamesID.map { "GeoNames \($0)" } ?? ""].filter { !$0.isEmpty }
        let details = [place.kind.rawValue, place.admin1.isEmpty ? "" : "\(place.admin1) governorate",
                       place.admin2.isEmpty ? "" : "\(place.admin2) district"].filter { !$0.isEmpty } + codes
        let position = String(format: "%.4f,%.4f", place.lonLat.lon, place.lonLat.lat)
        return "\(place.id) \(names), \(details.joined(separator: ", ")) at \(position)"
    }

    /// LON,LAT in degrees.
    private func position(_ text: String) -> LonLat? {
        let numbers = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 2, abs(numbers[0]) <= 180, abs(numbers[1]) <= 90 else { return nil }
        return LonLat(numbers[0], numbers[1])
    }

    /// A position outside the gazetteer's extent (with a margin of half a degree), or further than 25 km from
    /// any place, is an error; so is one that lies nearer a place with longitude and latitude swapped.
    private func checkExtent(_ position: LonLat, _ gazetteer: Gazetteer) throws {
        let lons = gazetteer.places.map(\.lonLat.lon), lats = gazetteer.places.map(\.lonLat.lat)
        guard let west = lons.min(), let east = lons.max(), let south = lats.min(), let north = lats.max() else { return }
        func distance(_ lon: Double, _ lat: Double) -> Double {
            guard (west - 0.5...east + 0.5).contains(lon) && (south - 0.5...north + 0.5).contains(lat) else {
                return .infinity
            }
            return gazetteer.nearest(to: LonLat(lon, lat))?.distanceKm ?? .infinity
        }
        let given = distance(position.lon, position.lat)
        if given <= 10 { return }
        let swapped = distance(position.lat, position.lon)
        let extent = String(format: "longitude %.1f to %.1f, latitude %.1f to %.1f", west, east, south, north)
        if swapped < given {
            throw ValidationError(String(format: "--at %g,%g looks swapped: %g,%g lies nearer a place; give "
                + "longitude first (the gazetteer covers %@)", position.lon, position.lat, position.lat,
                position.lon, extent))
        }
        if given > 25 {
            throw ValidationError(String(format: "--at %g,%g lies outside the gazetteer, which covers %@",
                                         position.lon, position.lat, extent))
        }
    }
}
