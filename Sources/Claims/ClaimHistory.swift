public import Gazetteer
import Dispatch

/// Every place's state day by day, resolved once from its claims, so that a snapshot at any date is a look-up
/// per place rather than a fresh pass over every claim.
///
/// The rules, in the order they apply on a day:
/// - A place's own claims of a day decide its state from the state before that day (`Snapshot.state`).
/// - A claim on a container (a city for its neighbourhoods, a district or governorate for what lies in it)
///   passes to a place inside only where that place had no state yet, or was held by the side that the
///   container's claim displaces. A third party's enclave keeps its holder until a claim names it, unless the
///   container's claim says it covers all (`covers` = `all`): then it passes to every place inside.
/// - On one day the container's claim comes first and the place's own claim last, so a place's own claim of the
///   same or a later day stands.
/// - Only claims dated on or before a date shape its snapshot: a later claim never changes an earlier map.
public struct ClaimHistory: Sendable {
    /// A place's state from one day on.
    struct Step: Sendable {
        var day: Day
        var state: ControlState
        /// The first day of the run of steps with this state.
        var since: Day
        var citations: [Citation]
        /// The container whose claim gave this state; nil for the place's own claim.
        var inheritedFrom: String?
        /// The state passes to every place inside, whoever held it.
        var coversAll = false
    }

    /// By place id, in day order: own claims and inherited states merged.
    private let steps: [String: [Step]]
    /// Places and regions with claims of their own.
    private let claimedIDs: Set<String>

    /// - Parameter containers: for a place id, the regions it lies in beyond its gazetteer parents (a town's
    ///   district and governorate, a district's governorate), innermost first.
    public init(claims: [Claim], gazetteer: Gazetteer, sides: Sides = Sides(), containers: [String: [String]] = [:]) {
        let own = Dictionary(grouping: claims, by: \.placeID)
        // Places that take part: the claimed ones and every gazetteer descendant of a claimed place.
        var ids = Set(own.keys)
        for place in gazetteer.places where place.parent != nil && !ids.contains(place.id) {
            // Parent chains are a few places long: a list finds a cycle without a set's allocation.
            var parentID = place.parent
            var seen = [String]()
            while let id = parentID, !seen.contains(id) {
                if own[id] != nil {
                    ids.insert(place.id)
                    break
                }
                seen.append(id)
                parentID = gazetteer.place(id: id)?.parent
            }
        }
        var builder = Builder(own: own, gazetteer: gazetteer, sides: sides, containers: containers)
        let sorted = ids.sorted()
        // The containers first: a place's history reads its container's, and nothing else of another place's, so
        // the places can then be shared out between two cores, each with its own copy of the containers'.
        for id in sorted {
            if let container = builder.nearestClaimedContainer(of: id) { _ = builder.history(of: container) }
        }
        let halves = [Half(builder), Half(builder)]
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            for id in sorted[half == 0 ? 0 ..< sorted.count / 2 : sorted.count / 2 ..< sorted.count] {
                _ = halves[half].builder.history(of: id)
            }
        }
        var done = halves[0].builder.done
        done.merge(halves[1].builder.done) { first, _ in first }
        // Every history worked out is of a place taking part (a container is one only through claims of its own).
        var steps = done
        for (id, history) in done where history.isEmpty || !ids.contains(id) { steps[id] = nil }
        self.steps = steps
        claimedIDs = Set(own.keys)
    }

    /// Where a container's claim replaced the state a place's own earlier claim gave it: the place, the
    /// container, and the day. The rules allow it (the place was held by the side the container's claim
    /// displaced), but a reader may have meant the place to stand apart.
    public var overrides: [(placeID: String, containerID: String, day: Day)] {
        var found = [(placeID: String, containerID: String, day: Day)]()
        for (id, history) in steps where claimedIDs.contains(id) {
            var ownSeen = false
            for step in history {
                if step.inheritedFrom == nil {
                    ownSeen = true
                } else if ownSeen, let container = step.inheritedFrom {
                    found.append((id, container, step.day))
                }
            }
        }
        return found.sorted { ($0.day, $0.placeID) < ($1.day, $1.placeID) }
    }

    /// The snapshot at `date` under the rules above.
    public func snapshot(at date: Day) -> Snapshot {
        var controls = [String: PlaceControl](minimumCapacity: steps.count)
        for (placeID, history) in steps {
            guard let step = ClaimHistory.last(in: history, onOrBefore: date) else { continue }
            controls[placeID] = PlaceControl(placeID: placeID, state: step.state, since: step.since,
                                             citations: step.citations, inheritedFrom: step.inheritedFrom)
        }
        return Snapshot(date: date, controls: controls)
    }

    /// Every day on which some place's state was set, in order.
    public var days: [Day] {
        Array(Set(steps.values.joined().map(\.day))).sorted()
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

    // MARK: - Building the histories, containers before what they contain

    /// One core's builder: only that core's thread touches it.
    private final class Half: @unchecked Sendable {
        var builder: Builder

        init(_ builder: Builder) {
            self.builder = builder
        }
    }

    private struct Builder {
        let own: [String: [Claim]]
        let gazetteer: Gazetteer
        let sides: Sides
        let containers: [String: [String]]
        var done = [String: [Step]]()
        /// The places whose histories are being worked out, outermost first: a few at most, so a list.
        var visiting = [String]()

        init(own: [String: [Claim]], gazetteer: Gazetteer, sides: Sides, containers: [String: [String]]) {
            self.own = own
            self.gazetteer = gazetteer
            self.sides = sides
            self.containers = containers
        }

        /// The nearest container with claims of its own: the gazetteer parents first, then the regions.
        func nearestClaimedContainer(of id: String) -> String? {
            func claimed(_ container: String) -> Bool { own[container] != nil && !visiting.contains(container) }
            var parentID = gazetteer.place(id: id)?.parent
            // Parent chains are a few places long (most places have none): a list finds a cycle without a set.
            var seen = [String]()
            var top = id
            while let parent = parentID, parent != id, !seen.contains(parent) {
                if claimed(parent) { return parent }
                seen.append(parent)
                top = parent
                parentID = gazetteer.place(id: parent)?.parent
            }
            // A place without parents of its own lies in the regions of its top-most parent.
            return (containers[top] ?? containers[id] ?? []).first(where: claimed)
        }

        mutating func history(of id: String) -> [Step] {
            if let known = done[id] { return known }
            visiting.append(id)
            defer { visiting.removeLast() }
            let container = nearestClaimedContainer(of: id)
            let inherited = container.map { history(of: $0) } ?? []
            let (ownDays, days) = Builder.byDay(own[id] ?? [])
            var result = [Step]()
            var current: ControlState?
            var inheritedIndex = 0, ownIndex = 0
            func append(_ day: Day, _ state: ControlState, _ citations: [Citation], from source: String?,
                        coversAll: Bool) {
                if let last = result.last, last.day == day { result.removeLast() }
                let since = result.last.map { $0.state == state ? $0.since : day } ?? day
                result.append(Step(day: day, state: state, since: since, citations: citations, inheritedFrom: source,
                                   coversAll: coversAll))
                current = state
            }
            while inheritedIndex < inherited.count || ownIndex < ownDays.count {
                // On a day with both, the container's claim first: the place's own claim has the last word.
                let takeInherited = ownIndex == ownDays.count
                    || (inheritedIndex < inherited.count && inherited[inheritedIndex].day <= ownDays[ownIndex])
                if takeInherited {
                    let step = inherited[inheritedIndex]
                    let before = inheritedIndex > 0 ? inherited[inheritedIndex - 1].state : nil
                    inheritedIndex += 1
                    if step.coversAll ? step.state != current : passes(step.state, displacing: before, to: current) {
                        append(step.day, step.state, step.citations, from: step.inheritedFrom ?? container,
                               coversAll: step.coversAll)
                    }
                } else {
                    let day = ownDays[ownIndex]
                    ownIndex += 1
                    let claims = days[ownIndex - 1]
                    append(day, Snapshot.state(of: claims, previous: current, sides: sides),
                           claims.count == 1 ? [claims[claims.startIndex].citation] : claims.map(\.citation).uniquedCitations(),
                           from: nil, coversAll: claims.contains(where: \.coversAll))
                }
            }
            done[id] = result
            return result
        }

        /// The days of `claims` in order, each with its claims in the order given: runs of the list as it comes
        /// when it is in day order (as a file usually is), grouped otherwise.
        static func byDay(_ claims: [Claim]) -> (days: [Day], claims: [ArraySlice<Claim>]) {
            guard zip(claims, claims.dropFirst()).allSatisfy({ $0.date <= $1.date }) else {
                let grouped = Dictionary(grouping: claims, by: \.date)
                let days = grouped.keys.sorted()
                return (days, days.map { grouped[$0]![...] })
            }
            var days = [Day](), runs = [ArraySlice<Claim>]()
            var start = 0
            for index in claims.indices where index == claims.count - 1 || claims[index + 1].date != claims[index].date {
                days.append(claims[index].date)
                runs.append(claims[start...index])
                start = index + 1
            }
            return (days, runs)
        }

        /// A container's new state passes to a place that had none, was abandoned, or was held by the side the
        /// container's claim displaces.
        func passes(_ state: ControlState, displacing before: ControlState?, to current: ControlState?) -> Bool {
            guard let current else { return true }
            guard state != current else { return false }
            let displaced = sides.sides(of: before?.actors ?? [])
            return sides.sides(of: current.actors).isSubset(of: displaced)
        }
    }
}
