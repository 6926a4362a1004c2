public import Claims
public import Gazetteer

extension ControlDiff {
    /// `{from, to, places: [{id, name, from, to, date, sources}], areas: [{from, to, km2}],
    /// actors: [{actor, name, km2_from, km2_to}]}`
    public func json(scenario: Scenario) -> JSONValue {
        .object([
            ("from", .string(from.description)),
            ("to", .string(to.description)),
            ("places", .array(places.map { change in
                .object([
                    ("id", .string(change.placeID)),
                    ("name", .optional(scenario.gazetteer.place(id: change.placeID)?.nameEn)),
                    ("from", .optional(change.from)), ("to", .optional(change.to)),
                    ("date", .string(change.date.description)),
                    ("sources", .array(change.citations.map(GeoJSON.citation))),
                ])
            })),
            ("areas", .array(transfers.map { transfer in
                .object([("from", .optional(transfer.from)), ("to", .optional(transfer.to)),
                         ("km2", .number(transfer.areaKm2, decimals: 1))])
            })),
            ("actors", .array(actors.map { balance in
                .object([("actor", .string(balance.actor)),
                         ("name", .optional(scenario.actor(id: balance.actor)?.nameEn)),
                         ("km2_from", .number(balance.km2From, decimals: 1)),
                         ("km2_to", .number(balance.km2To, decimals: 1))])
            })),
        ])
    }

    /// The geometry of the ground that changed hands, one feature per (from → to) pair.
    public func geoJSON() -> JSONValue {
        .object([("type", .string("FeatureCollection")), ("features", .array(transfers.map { transfer in
            GeoJSON.feature(GeoJSON.geometry(transfer.area), [
                ("kind", .string("transfer")), ("from", .optional(transfer.from)), ("to", .optional(transfer.to)),
                ("km2", .number(transfer.areaKm2, decimals: 1)),
            ])
        }))])
    }
}
