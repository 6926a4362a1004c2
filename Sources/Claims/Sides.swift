/// Actors grouped into the sides of a conflict: allies share ground, and only different sides contest it or
/// face each other across a front.
public struct Side: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: LocalizedText
    /// Actor ids, in the order `scenario.yaml` lists them.
    public var actors: [String]

    public init(id: String, name: LocalizedText, actors: [String]) {
        self.id = id
        self.name = name
        self.actors = actors
    }
}

/// Which side each actor is on. An actor that no side lists is a side of its own, named by its id.
public struct Sides: Hashable, Sendable {
    public let sides: [Side]
    private let sideOfActor: [String: String]

    public init(_ sides: [Side] = []) {
        self.sides = sides
        var sideOfActor = [String: String]()
        for side in sides {
            for actor in side.actors where sideOfActor[actor] == nil { sideOfActor[actor] = side.id }
        }
        self.sideOfActor = sideOfActor
    }

    /// The id of the side `actor` is on.
    public func side(of actor: String) -> String {
        sideOfActor[actor] ?? actor
    }

    /// True when the two actors are on one side (an actor is always on its own side).
    public func areAllies(_ a: String, _ b: String) -> Bool {
        side(of: a) == side(of: b)
    }

    /// The distinct sides of `actors`.
    public func sides(of actors: some Sequence<String>) -> Set<String> {
        Set(actors.map(side(of:)))
    }
}
