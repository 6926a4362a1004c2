public import Claims
public import Territory

/// The maps of every day of a period, drawn on one page: one legend that lists everything any day shows, in the
/// legend's fixed order, and room for the period's widest date stamp and tallest footer, so that every day's
/// page has one size and one layout and the date is the only thing in the header that changes.
public struct MapSeries: Sendable {
    /// Every day from the first to the last, both included.
    public let period: ClosedRange<Day>
    public let view: MapView
    /// The territory of each day of the period.
    public let maps: [Day: TerritoryMap]
    let legend: LegendContent

    /// Computes every day's territory, on up to `jobs` threads, and what the shared legend explains.
    public init(territory: TerritoryModel, period: ClosedRange<Day>, view: MapView,
                jobs: Int = Parallel.processorCount) throws {
        self.period = period
        self.view = view
        let days = MapSeries.days(period)
        let scenario = territory.scenario
        let computed = try Parallel.map(days.count, jobs: jobs) { index in
            let map = try territory.map(at: days[index])
            return (map, LegendContent(territory: map, view: view, scenario: scenario))
        }
        maps = Dictionary(uniqueKeysWithValues: zip(days, computed.map(\.0)))
        legend = computed.dropFirst().reduce(computed[0].1) { $0.union($1.1) }
    }

    /// The period's days in order.
    public var days: [Day] { MapSeries.days(period) }

    static func days(_ period: ClosedRange<Day>) -> [Day] {
        (period.lowerBound.ordinal...period.upperBound.ordinal).map(Day.init(ordinal:))
    }
}
