import Geometry

/// The outcome of looking up a name.
public enum Resolution: Hashable, Sendable {
    /// One place, with a score from 0 to 1 for how closely the spelling matched.
    case found(Place, score: Double)
    /// Several places fit equally well; pick one by id or narrow the scope.
    case ambiguous([Place])
    /// Nothing fits; the nearest spellings, best first (possibly none).
    case unknown(suggestions: [Place])
}

extension Gazetteer {
    /// Resolves a name in Arabic or any Latin spelling, or a place id. `Aleppo/Ashrafieh` looks for
    /// Ashrafieh inside Aleppo; `scope` does the same for a whole query.
    public func resolve(_ query: String, within scope: Place? = nil) -> Resolution {
        let trimmed = query.trimmingSpaces
        if let place = place(id: trimmed) { return .found(place, score: 1) }
        if let slash = trimmed.lastIndex(of: "/") {
            let outer = String(trimmed[..<slash])
            let inner = String(trimmed[trimmed.index(after: slash)...])
            switch resolve(outer, within: scope) {
            case .found(let parent, _): return resolve(inner, within: parent)
            case let other: return other
            }
        }
        let name = NameKey(trimmed)
        guard !name.key.isEmpty else { return .unknown(suggestions: []) }
        // An exact spelling, main name or alternate, beats any skeleton match; a main name counts for more.
        // Among skeleton matches, only the spellings nearest the query count ("Saloum" is Salum, not Salamiyah).
        let hint = NameIndex.acceptedKinds(name.kindHint)
        for tier in [(score: 1.0, nearestOnly: false), (score: 0.85, nearestOnly: true)] {
            let all = tier.nearestOnly ? names.entries(skeleton: name.skeleton) : names.entries(key: name.key)
            guard !all.isEmpty else { continue }
            var entries = all.filter { fits($0, hint: hint, scope: scope, among: all) }
            if tier.nearestOnly { entries = nearest(entries, to: name.key) }
            let (candidates, primary) = candidates(entries)
            guard !candidates.isEmpty else { continue }
            let resolution = decide(candidates, primary: primary)
            if case .found(let place, _) = resolution, let index = index(of: place.id) {
                let score = primary.contains(index) || tier.score < 1 ? tier.score : 0.95
                return .found(place, score: score)
            }
            return resolution
        }
        return fuzzy(name, scope: scope)
    }

    /// Whether an entry's place fits the descriptor's kinds and the scope.
    private func fits(_ entry: NameIndex.Entry, hint: Set<PlaceKind>, scope: Place?, among entries: [NameIndex.Entry])
        -> Bool {
        let kind = places[entry.place].kind
        if !hint.isEmpty && !hint.contains(kind) { return false }
        if hint.isEmpty && !entry.hint.isEmpty && entry.hint.contains(kind)
            && entries.contains(where: { $0.place != entry.place }) {
            return false  // "مطار حلب" spelled as just "حلب" is the city, not its airport
        }
        if let scope, !inScope(places[entry.place], scope) { return false }
        return true
    }

    /// The entries whose spelling is fewest edits from the key.
    private func nearest(_ entries: [NameIndex.Entry], to key: String) -> [NameIndex.Entry] {
        guard entries.count > 1 else { return entries }
        let query = key.unicodeScalars.map(\.value)
        let distances = entries.map { entry in
            EditDistance.between(names.letters(ofEntry: entry.key), query, limit: .max / 2)
        }
        let best = distances.min()!
        return zip(entries, distances).filter { $0.1 == best }.map(\.0)
    }

    /// Places of the entries, best first, without repeats; and those matched by their main English or Arabic name.
    /// Entries are few (a name is rarely shared by more than a handful of places), so plain arrays serve.
    private func candidates(_ entries: [NameIndex.Entry]) -> (places: [Int], primary: Set<Int>) {
        var result = [Int]()
        var primary = Set<Int>()
        for entry in entries {
            if entry.primary { primary.insert(entry.place) }
            if !result.contains(entry.place) { result.append(entry.place) }
        }
        guard result.count > 1 else { return (result, primary) }
        let sorted = result.sorted { left, right in
            if notable.contains(left) != notable.contains(right) { return notable.contains(left) }
            if primary.contains(left) != primary.contains(right) { return primary.contains(left) }
            return ranksBefore(left, right)
        }
        return (sorted, primary)
    }

    private func inScope(_ place: Place, _ scope: Place) -> Bool {
        place.id != scope.id
            && (isDescendant(place, of: scope) || Geodesic.distanceKm(place.lonLat, scope.lonLat) <= 25)
    }

    /// One candidate, or one that outranks the rest: better known (beyond the village layers), matched by its
    /// main name, of a higher kind, or ten times as populous; else ambiguous.
    private func decide(_ candidates: [Int], primary: Set<Int>) -> Resolution {
        let best = candidates[0]
        guard candidates.count > 1 else { return .found(places[best], score: 1) }
        let next = candidates[1]
        let (a, b) = (places[best], places[next])
        let outranks: Bool
        if notable.contains(best) != notable.contains(next) {
            outranks = notable.contains(best)
        } else if primary.contains(best) != primary.contains(next) {
            outranks = primary.contains(best)
        } else {
            outranks = a.kind.rank > b.kind.rank
                || (a.kind.rank == b.kind.rank && (a.population ?? 0) >= 10 * max(b.population ?? 0, 1))
        }
        return outranks ? .found(a, score: 1) : .ambiguous(candidates.map { places[$0] })
    }

    /// Better-known places first, then higher kinds, then larger populations.
    func ranksBefore(_ left: Int, _ right: Int) -> Bool {
        if notable.contains(left) != notable.contains(right) { return notable.contains(left) }
        let (rankA, rankB) = (places[left].kind.rank, places[right].kind.rank)
        if rankA != rankB { return rankA > rankB }
        let (peopleA, peopleB) = (places[left].population ?? 0, places[right].population ?? 0)
        if peopleA != peopleB { return peopleA > peopleB }
        return places[left].id < places[right].id
    }

    /// Near spellings by edit distance: one edit in a long name resolves; anything else only suggests (among
    /// spellings that share the query's first or last letter).
    private func fuzzy(_ name: NameKey, scope: Place?) -> Resolution {
        let query = name.key.unicodeScalars.map(\.value)
        let limit = max(1, query.count / 4)
        let best = names.nearSpellings(of: query, limit: limit)
        let ranked = best.filter { scope == nil || inScope(places[$0.key], scope!) }
            .sorted { $0.value != $1.value ? $0.value < $1.value : ranksBefore($0.key, $1.key) }
        if let first = ranked.first, first.value == 1, query.count >= 6,
           ranked.count == 1 || ranked[1].value > 1 {
            return .found(places[first.key], score: 0.8)
        }
        return .unknown(suggestions: ranked.prefix(3).map { places[$0.key] })
    }
}
