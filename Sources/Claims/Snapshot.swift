public import Gazetteer

/// Who holds a place at a date.
public enum ControlState: Hashable, Sendable {
    case held(by: String)
    /// Fighting reported, or reports that disagree on the same day; the actors involved, sorted.
    case contested(among: [String])
    /// Left by its holder with nobody reported in it.
    case abandoned

    /// The holder, or nil when contested or abandoned.
    public var controller: String? {
        if case .held(let actor) = self { return actor }
        return nil
    }
}

/// The state of one place at the snapshot's date, and the claims behind it.
public struct PlaceControl: Hashable, Sendable {
    public var placeID: String
    public var state: ControlState
    /// The first day of the run of claims that gave this state.
    public var since: Day
    public var citations: [Citation]
    /// Set when the state comes from a parent's claim (a city's claim covering its neighbourhoods).
    public var inheritedFrom: String?
}

/// The state of every claimed place (and its children) on a date.
public struct Snapshot: Hashable, Sendable {
    public var date: Day
    /// By place id.
    public var controls: [String: PlaceControl]

    /// Applies the snapshot rules: each place's latest claims on or before `date`; a parent's claim holds for
    /// its children unless a child has its own claim of the same or a later day; same-day claims that disagree
    /// make the place contested, keeping every source. For many dates, build a `ClaimHistory` once instead.
    public init(claims: [Claim], gazetteer: Gazetteer, date: Day) {
        self = ClaimHistory(claims: claims, gazetteer: gazetteer).snapshot(at: date)
    }

    init(date: Day, controls: [String: PlaceControl]) {
        self.date = date
        self.controls = controls
    }

    /// The state from one day's claims on a place, given the state before that day.
    static func state(of claims: [Claim], previous: ControlState?) -> ControlState {
        let sources = Set(claims.map(\.citation.source))
        // One source contradicting itself on a day: its last row stands.
        let effective = sources.count == 1 ? [claims.last!] : claims
        let holders = Set(effective.filter { $0.status == .control }.map(\.actor))
        let fighters = Set(effective.filter { $0.status == .contested }.map(\.actor))
        let withdrawn = effective.contains { $0.status == .withdrawn }
        if fighters.isEmpty && holders.count == 1 { return .held(by: holders.first!) }
        if fighters.isEmpty && holders.isEmpty && withdrawn { return .abandoned }
        var among = holders.union(fighters)
        if let previousHolder = previous?.controller { among.insert(previousHolder) }
        if case .contested(let earlier)? = previous, holders.isEmpty { among.formUnion(earlier) }
        return among.count == 1 ? .held(by: among.first!) : .contested(among: among.sorted())
    }
}

extension Array where Element == Citation {
    func uniquedCitations() -> [Citation] {
        var seen = Set<Citation>()
        return filter { seen.insert($0).inserted }
    }
}
