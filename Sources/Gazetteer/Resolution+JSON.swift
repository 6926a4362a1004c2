/// The JSON of `resolve --format json`, one object per query, which reports and other programs read.
extension Resolution {
    /// `{query, id, name, …}` when found, `{query, candidates}` when ambiguous, `{query, error, suggestions}` when
    /// unknown.
    public func json(query: String) -> JSONValue {
        switch self {
        case .found(let place, let score):
            .object([("query", .string(query))] + place.resolutionFields(score: score))
        case .ambiguous(let candidates):
            .object([("query", .string(query)), ("candidates", .array(candidates.map { $0.resolutionJSON() }))])
        case .unknown(let suggestions):
            .object([("query", .string(query)), ("error", .string("unknown place")),
                     ("suggestions", .array(suggestions.map { $0.resolutionJSON() }))])
        }
    }
}

extension Place {
    /// The place's object in a resolution's JSON, with a match score when it answers a query.
    public func resolutionJSON(score: Double? = nil) -> JSONValue {
        .object(resolutionFields(score: score))
    }

    /// The fields of the SPEC's contract (id, name, name_ar, kind, lat, lon, parent, admin1, score), then the
    /// district, the OCHA P-code and the GeoNames id.
    func resolutionFields(score: Double?) -> [(String, JSONValue)] {
        [("id", .string(id)), ("name", .string(nameEn)), ("name_ar", .string(nameAr)),
         ("kind", .string(kind.rawValue)), ("lat", .number(lonLat.lat, decimals: 6)),
         ("lon", .number(lonLat.lon, decimals: 6)), ("parent", .optional(parent)),
         ("admin1", .string(admin1)), ("score", score.map { .number($0, decimals: 2) } ?? .null),
         ("admin2", .string(admin2)), ("pcode", .optional(pcode.isEmpty ? nil : pcode)),
         ("geonames_id", geonamesID.map { .number(Double($0), decimals: 0) } ?? .null)]
    }
}
