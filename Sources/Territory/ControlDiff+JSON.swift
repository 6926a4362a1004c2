public import Claims
public import Gazetteer

extension ControlDiff {
    /// `{from, to, places: [{id, name, from, to, change, date, sources}], areas: [{from, to, change, km2}],
    /// actors: [{actor, name, km2_from, km2_to, gained_km2, lost_km2}]}`; `change` is `change_of_hands`,
    /// `first_report` or `withdrawal`, and gains and losses count changes of hands only.
    public func json(scenario: Scenario) -> JSONValue {
        .object([
            ("from", .string(from.description)),
            ("to", .string(to.description)),
            ("places", .array(places.map { change in
                .object([
                    ("id", .string(change.placeID)),
                    ("name", .string(scenario.name(of: change.placeID))),
                    ("from", .optional(change.from)), ("to", .optional(change.to)),
                    ("change", .string(change.change.rawValue)),
                    ("date", .string(change.date.description)),
                    ("sources", .array(change.citations.map(GeoJSON.citation))),
                ])
            })),
            ("areas", .array(transfers.map { transfer in
                .object([("from", .optional(transfer.from)), ("to", .optional(transfer.to)),
                         ("from_state", .string(transfer.fromKind.name)), ("to_state", .string(transfer.toKind.name)),
                         ("change", .string(transfer.change.rawValue)),
                         ("km2", .number(transfer.areaKm2, decimals: 1))])
            })),
            ("actors", .array(actors.map { balance in
                .object([("actor", .string(balance.actor)),
                         ("name", .optional(scenario.actor(id: balance.actor)?.nameEn)),
                         ("km2_from", .number(balance.km2From, decimals: 1)),
                         ("km2_to", .number(balance.km2To, decimals: 1)),
                         ("gained_km2", .number(balance.gainedKm2, decimals: 1)),
                         ("lost_km2", .number(balance.lostKm2, decimals: 1))])
            })),
        ])
    }

    /// The geometry of the ground that changed state, one feature per (from → to) pair (see `changesLayer()`).
    public func geoJSON() throws -> JSONValue {
        GeoJSON.collection([try changesLayer()])
    }
}

extension Zone.Kind {
    /// `held:hts`, `shared:government+russia`, `contested:government+hts`, `abandoned` or `unreported`.
    public var name: String {
        switch self {
        case .held(let actor): "held:" + actor
        case .shared(let among): "shared:" + among.joined(separator: "+")
        case .contested(let among): "contested:" + among.joined(separator: "+")
        case .abandoned: "abandoned"
        case .unreported: "unreported"
        }
    }
}
