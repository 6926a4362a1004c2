public import Gazetteer
import Geometry

extension Scenario {
    /// What `check` points out without failing: a container's claim that overrides a place's own earlier claim,
    /// and an area claim drawn over a place that a claim of the same day gives to another side.
    public var warnings: [InputProblem] {
        var problems = [InputProblem]()
        // Built only when some claim overrides another: most scenarios have none, and thousands of claims.
        let overrides = history.overrides
        let claimsByPlaceDay = overrides.isEmpty ? [:] : Dictionary(grouping: claims) { PlaceDay(placeID: $0.placeID, day: $0.date) }
        for override in overrides {
            guard let claim = claimsByPlaceDay[PlaceDay(placeID: override.containerID, day: override.day)]?.first else {
                continue
            }
            problems.append(InputProblem(claim.location, "this claim on \(name(of: override.containerID)) also "
                + "replaces the state of \(name(of: override.placeID)), which has claims of its own; add a claim for "
                + "\(name(of: override.placeID)) of \(override.day) if it should stand apart", isWarning: true))
        }
        for area in areaClaims where area.status == .control {
            for claim in claims where claim.date == area.date && claim.status == .control
                && sides.side(of: claim.actor) != sides.side(of: area.actor) {
                guard let place = gazetteer.place(id: claim.placeID),
                      area.area.polygons.contains(where: { polygon in
                          polygon.exterior.ringContains(place.lonLat) && !polygon.holes.contains { $0.ringContains(place.lonLat) }
                      }) else { continue }
                problems.append(InputProblem(claim.location, "\(place.nameEn) lies in area \"\(area.id)\", which "
                    + "the same day gives to \(area.actor), of another side; the place's claim stands as an exception",
                    isWarning: true))
            }
        }
        return problems
    }
}

/// A place on a day, as a dictionary key.
private struct PlaceDay: Hashable {
    let placeID: String
    let day: Day
}
