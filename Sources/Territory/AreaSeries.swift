public import Claims
import Foundation

/// Ground and places of each holder, day by day over a period, country-wide: the figures behind an area chart.
public struct AreaSeries: Sendable {
    /// Who a row counts: an actor's held ground, or ground of one of the other kinds.
    public enum Holder: Hashable, Sendable, Comparable {
        case actor(String)
        case shared, contested, abandoned, unreported

        /// The id in `areas.csv`: the actor's id, or the kind's name.
        public var id: String {
            switch self {
            case .actor(let id): id
            case .shared: "shared"
            case .contested: "contested"
            case .abandoned: "abandoned"
            case .unreported: "unreported"
            }
        }

        init(_ kind: Zone.Kind) {
            switch kind {
            case .held(let actor): self = .actor(actor)
            case .shared: self = .shared
            case .contested: self = .contested
            case .abandoned: self = .abandoned
            case .unreported: self = .unreported
            }
        }

        private var rank: Int {
            switch self {
            case .actor: 0
            case .shared: 1
            case .contested: 2
            case .abandoned: 3
            case .unreported: 4
            }
        }

        public static func < (lhs: Holder, rhs: Holder) -> Bool { lhs.rank < rhs.rank }
    }

    /// One holder on one day.
    public struct Row: Hashable, Sendable {
        public var date: Day
        public var holder: Holder
        public var areaKm2: Double
        /// Mapped places in this state (regions apart).
        public var placesHeld: Int
        /// Places that passed to this holder by a change of hands since the series' previous date (the day before,
        /// for the first date), and places it lost so.
        public var placesGained: Int
        public var placesLost: Int
    }

    /// The holders seen on some day of the period: actors in the scenario's order, then the other kinds.
    public let holders: [Holder]
    public let dates: [Day]
    /// Every holder on every date, dates in order and holders in `holders` order within each.
    public let rows: [Row]

    /// The figures of `dates` (in order, each with its map in `maps`); changes of hands are counted against the
    /// previous date, and the first date against the day before it.
    public init(scenario: Scenario, maps: [Day: TerritoryMap], dates: [Day]) {
        var days = [(Day, [Holder: (km2: Double, places: Int, gained: Int, lost: Int)])]()
        var seen = Set<Holder>()
        for (index, date) in dates.enumerated() {
            guard let map = maps[date] else { preconditionFailure("no map of \(date) for the area series") }
            var figures = [Holder: (km2: Double, places: Int, gained: Int, lost: Int)]()
            for zone in map.zones {
                figures[Holder(zone.kind), default: (0, 0, 0, 0)].km2 += zone.areaKm2
            }
            let before = scenario.snapshot(at: index == 0 ? date.adding(days: -1) : dates[index - 1])
            for id in scenario.mappedPlaceIDs {
                let state = map.snapshot.controls[id]?.state
                let kind = Zone.Kind(state)
                figures[Holder(kind), default: (0, 0, 0, 0)].places += 1
                let earlier = Zone.Kind(before.controls[id]?.state)
                guard earlier != kind, ControlDiff.change(from: earlier, to: kind) == .changeOfHands else { continue }
                figures[Holder(kind), default: (0, 0, 0, 0)].gained += 1
                figures[Holder(earlier), default: (0, 0, 0, 0)].lost += 1
            }
            seen.formUnion(figures.filter { $0.value.km2 > 0 || $0.value.places > 0 }.keys)
            days.append((date, figures))
        }
        let order = Dictionary(uniqueKeysWithValues: scenario.actors.enumerated().map { ($1.id, $0) })
        let holders = seen.sorted { a, b in
            if case .actor(let x) = a, case .actor(let y) = b {
                return (order[x] ?? order.count, x) < (order[y] ?? order.count, y)
            }
            return a < b
        }
        self.holders = holders
        self.dates = days.map(\.0)
        rows = days.flatMap { date, figures in
            holders.map { holder in
                let figure = figures[holder] ?? (0, 0, 0, 0)
                return Row(date: date, holder: holder, areaKm2: figure.km2, placesHeld: figure.places,
                           placesGained: figure.gained, placesLost: figure.lost)
            }
        }
    }

    /// `date,side,km2,places_held,places_gained,places_lost`, one line per holder and date; km² to one decimal.
    public var csv: String {
        var text = "date,side,km2,places_held,places_gained,places_lost\n"
        for row in rows {
            let km2 = (row.areaKm2 * 10).rounded() / 10
            text += "\(row.date),\(row.holder.id),\(String(format: "%.1f", km2)),\(row.placesHeld),"
                + "\(row.placesGained),\(row.placesLost)\n"
        }
        return text
    }
}
