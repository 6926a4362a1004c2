public import Gazetteer

/// Who holds a place at a date.
public enum ControlState: Hashable, Sendable {
    case held(by: String)
    /// Held together by allies of one side (two of them reported holding it on one day); sorted.
    case shared(among: [String])
    /// Fighting between sides reported, or reports of different sides that disagree on the same day; the actors
    /// involved, sorted.
    case contested(among: [String])
    /// Left by its holder with nobody reported in it.
    case abandoned

    /// The holder, or nil when contested or abandoned.
    public var controller: String? {
        if case .held(let actor) = self { return actor }
        return nil
    }

    /// The actors with a hand in the place: its holder, its sharers or the parties contesting it.
    public var actors: [String] {
        switch self {
        case .held(let actor): [actor]
        case .shared(let among), .contested(let among): among
        case .abandoned: []
        }
    }

    /// The state of a place that `actors` hold or fight over: one actor holds it, allies share it, and actors of
    /// different sides contest it; nobody left means it is abandoned.
    static func among(_ actors: Set<String>, sides: Sides) -> ControlState {
        switch actors.count {
        case 0: .abandoned
        case 1: .held(by: actors.first!)
        default: sides.sides(of: actors).count == 1 ? .shared(among: actors.sorted()) : .contested(among: actors.sorted())
        }
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

    /// Applies the snapshot rules (see `ClaimHistory`). For many dates, build a `ClaimHistory` once instead.
    public init(claims: [Claim], gazetteer: Gazetteer, date: Day, sides: Sides = Sides()) {
        self = ClaimHistory(claims: claims, gazetteer: gazetteer, sides: sides).snapshot(at: date)
    }

    init(date: Day, controls: [String: PlaceControl]) {
        self.date = date
        self.controls = controls
    }

    /// The state from one day's claims on a place, given the state before that day.
    ///
    /// One source contradicting itself on a day: its last row stands. An actor reported `withdrawn` leaves the
    /// place, so `withdrawn` by one actor and `control` by another on one day is a transfer, not a dispute.
    /// Holders of one side share the place; holders or fighters of different sides contest it, and so does the
    /// earlier holder when only fighting is reported.
    static func state(of claims: ArraySlice<Claim>, previous: ControlState?, sides: Sides) -> ControlState {
        if claims.count == 1, let claim = claims.first {
            // One claim, as most days have: the same rules without the sets.
            switch claim.status {
            case .control: return .among([claim.actor], sides: sides)
            case .contested: return .among(Set(previous?.actors ?? []).union([claim.actor]), sides: sides)
            case .withdrawn: return .among(Set(previous?.actors ?? []).subtracting([claim.actor]), sides: sides)
            }
        }
        let sources = Set(claims.map(\.citation.source))
        let effective = sources.count == 1 ? [claims.last!] : claims
        let holders = Set(effective.filter { $0.status == .control }.map(\.actor))
        let fighters = Set(effective.filter { $0.status == .contested }.map(\.actor))
        let leaving = Set(effective.filter { $0.status == .withdrawn }.map(\.actor)).subtracting(holders)
        let remaining = Set(previous?.actors ?? []).subtracting(leaving)
        if fighters.isEmpty && !holders.isEmpty { return .among(holders, sides: sides) }
        if fighters.isEmpty { return .among(remaining, sides: sides) }
        return .among(holders.union(fighters).union(remaining), sides: sides)
    }
}

extension Array where Element == Citation {
    func uniquedCitations() -> [Citation] {
        var seen = Set<Citation>()
        return filter { seen.insert($0).inserted }
    }
}
