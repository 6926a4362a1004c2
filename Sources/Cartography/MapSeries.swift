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

    /// Computes every day's territory, on up to `jobs` threads, and what the shared legend explains. A day that
    /// no claim is dated on keeps the day before's territory, which nothing has changed.
    public init(territory: TerritoryModel, period: ClosedRange<Day>, view: MapView,
                jobs: Int = Parallel.processorCount) throws {
        self.period = period
        self.view = view
        let days = MapSeries.days(period)
        let scenario = territory.scenario
        let claimDays = Set(scenario.dates)
        let changed = days.enumerated().filter { $0.offset == 0 || claimDays.contains($0.element) }.map(\.element)
        let computed = try Parallel.map(changed.count, jobs: jobs) { index in
            let map = try territory.map(at: changed[index])
            return (map, LegendContent(territory: map, view: view, scenario: scenario))
        }
        var maps = [Day: TerritoryMap]()
        var latest = computed[0].0
        var computedOfDay = Dictionary(uniqueKeysWithValues: zip(changed, computed.map(\.0)))
        for day in days {
            if let map = computedOfDay.removeValue(forKey: day) {
                latest = map
            } else {
                latest.snapshot.date = day
            }
            maps[day] = latest
        }
        self.maps = maps
        legend = computed.dropFirst().reduce(computed[0].1) { $0.union($1.1) }
    }

    /// The period's days in order.
    public var days: [Day] { MapSeries.days(period) }

    static func days(_ period: ClosedRange<Day>) -> [Day] {
        (period.lowerBound.ordinal...period.upperBound.ordinal).map(Day.init(ordinal:))
    }
}
