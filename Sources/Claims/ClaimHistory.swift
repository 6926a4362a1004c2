public import Gazetteer

/// Every place's state day by day, resolved once from its claims, so that a snapshot at any date is a look-up
/// per place rather than a fresh pass over every claim.
public struct ClaimHistory: Sendable {
    /// A place's state from one claimed day on.
    struct Step: Sendable {
        var day: Day
        var state: ControlState
        /// The first day of the run of steps with this state.
        var since: Day
        var citations: [Citation]
    }

    /// By place id, in day order.
    private let steps: [String: [Step]]
    /// For each place below a claimed place, its claimed ancestors from the nearest up.
    private let claimedAncestors: [(placeID: String, ancestors: [String])]

    public init(claims: [Claim], gazetteer: Gazetteer) {
        var steps = [String: [Step]]()
        for (placeID, placeClaims) in Dictionary(grouping: claims, by: \.placeID) {
            let days = Dictionary(grouping: placeClaims, by: \.date)
            var history = [Step]()
            for day in days.keys.sorted() {
                let previous = history.last
                let state = Snapshot.state(of: days[day]!, previous: previous?.state)
                let since = previous.map { $0.state == state ? $0.since : day } ?? day
                history.append(Step(day: day, state: state, since: since,
                                    citations: days[day]!.map(\.citation).uniquedCitations()))
            }
            steps[placeID] = history
        }
        self.steps = steps
        claimedAncestors = gazetteer.places.compactMap { place in
            var ancestors = [String]()
            var ancestorID = place.parent
            var seen = Set<String>()
            while let id = ancestorID, seen.insert(id).inserted {
                if steps[id] != nil { ancestors.append(id) }
                ancestorID = gazetteer.place(id: id)?.parent
            }
            return ancestors.isEmpty ? nil : (place.id, ancestors)
        }
    }

    /// The snapshot at `date` under the rules `Snapshot(claims:gazetteer:date:)` describes.
    public func snapshot(at date: Day) -> Snapshot {
        var latest = [String: Step]()
        latest.reserveCapacity(steps.count)
        for (placeID, history) in steps {
            if let step = ClaimHistory.last(in: history, onOrBefore: date) { latest[placeID] = step }
        }
        var controls = [String: PlaceControl](minimumCapacity: latest.count + claimedAncestors.count)
        for (placeID, step) in latest {
            controls[placeID] = PlaceControl(placeID: placeID, state: step.state, since: step.since,
                                             citations: step.citations, inheritedFrom: nil)
        }
        // Children inherit from the nearest ancestor claimed by the date, when its claim is newer than their own.
        for (placeID, ancestors) in claimedAncestors {
            guard let ancestorID = ancestors.first(where: { latest[$0] != nil }), let ancestor = latest[ancestorID]
            else { continue }
            if let mine = latest[placeID], mine.day >= ancestor.day { continue }
            controls[placeID] = PlaceControl(placeID: placeID, state: ancestor.state, since: ancestor.since,
                                             citations: ancestor.citations, inheritedFrom: ancestorID)
        }
        return Snapshot(date: date, controls: controls)
    }

    /// The last step on or before `date`, by binary search.
    private static func last(in history: [Step], onOrBefore date: Day) -> Step? {
        var low = 0, high = history.count
        while low < high {
            let middle = (low + high) / 2
            if history[middle].day <= date { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? history[low - 1] : nil
    }
}
