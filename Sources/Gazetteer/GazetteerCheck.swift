public import Geometry

/// Finds what is wrong in a gazetteer's layers, all at once: repeated ids in a file, places outside the
/// country or far from their parent, unknown parents, missing sources, and names that collide in one scope;
/// and, as warnings, settlements whose sources disagree on the point by more than 2 km.
public enum GazetteerCheck {
    /// How far a place may lie from its parent (a neighbourhood from its city), km.
    public static let parentReachKm = 25.0
    /// How far outside the border a place may lie, km: the border is simplified and Arwad island lies 3 km out.
    public static let borderToleranceKm = 5.0

    /// The problems of the layers, merged into `gazetteer`.
    public static func problems(layers: [[LocatedPlace]], merged gazetteer: Gazetteer, country: MultiPolygon)
        -> [InputProblem] {
        var problems = [InputProblem]()
        for layer in layers {
            var seen = [String: SourceLocation]()
            for located in layer {
                if let first = seen[located.place.id] {
                    problems.append(InputProblem(located.location,
                        "duplicate id \"\(located.place.id)\" (first at \(first)); give each place its own id"))
                }
                seen[located.place.id] = seen[located.place.id] ?? located.location
            }
        }
        let final = Set(gazetteer.places.map(\.id))
        let located = layers.flatMap { $0 }.filter { final.contains($0.place.id) }
        let border = (try? country.boundary()) ?? MultiLineString()
        let inside = RegionIndex(country)
        for entry in located {
            let place = entry.place
            if place.source.isEmpty {
                problems.append(InputProblem(entry.location, "\"\(place.id)\" has no source for its coordinate"))
            }
            if !country.isEmpty, !inside.contains(place.lonLat),
               distanceKm(from: place.lonLat, to: border) > borderToleranceKm {
                problems.append(InputProblem(entry.location, String(format:
                    "\"%@\" at %.4f,%.4f lies outside the country; check that lat and lon are not swapped",
                    place.id, place.lonLat.lon, place.lonLat.lat), isWarning: place.isImported))
            }
            if let parentID = place.parent {
                if let parent = gazetteer.place(id: parentID) {
                    let km = Geodesic.distanceKm(place.lonLat, parent.lonLat)
                    if km > parentReachKm {
                        problems.append(InputProblem(entry.location, String(format:
                            "\"%@\" lies %.0f km from its parent \"%@\"; check its coordinate or its parent",
                            place.id, km, parentID)))
                    }
                } else {
                    problems.append(InputProblem(entry.location,
                        "unknown parent \"\(parentID)\" of \"\(place.id)\"; use the id of a place in the gazetteer"))
                }
            }
        }
        problems += collisions(located)
        problems += divergences(gazetteer, layers: layers)
        return problems
    }

    /// Two places whose names normalise alike within 10 km and that no parent tells apart.
    private static func collisions(_ located: [LocatedPlace]) -> [InputProblem] {
        var byKey = [String: [LocatedPlace]]()
        for entry in located {
            for name in Set([entry.place.nameEn, entry.place.nameAr].filter { !$0.isEmpty }.map { NameKey($0).key }) {
                byKey[name, default: []].append(entry)
            }
        }
        var problems = [InputProblem]()
        var reported = Set<[String]>()
        for (key, entries) in byKey.sorted(by: { $0.key < $1.key }) where entries.count > 1 {
            for (i, a) in entries.enumerated() {
                for b in entries[(i + 1)...] where a.place.id != b.place.id && a.place.kind == b.place.kind
                    && !(a.place.isImported && b.place.isImported) {
                    let pair = [a.place.id, b.place.id].sorted()
                    guard Geodesic.distanceKm(a.place.lonLat, b.place.lonLat) < 10, reported.insert(pair).inserted
                    else { continue }
                    problems.append(InputProblem(b.location,
                        "\"\(b.place.id)\" and \"\(a.place.id)\" (\(a.location)) are both called \"\(key)\" within "
                            + "10 km; merge them or give one a distinguishing name"))
                }
            }
        }
        return problems
    }

    /// Warnings for settlements two sources place more than 2 km apart, at the row whose point was set aside.
    private static func divergences(_ gazetteer: Gazetteer, layers: [[LocatedPlace]]) -> [InputProblem] {
        var rows = [String: SourceLocation]()
        for entry in layers.joined() where rows[entry.place.id] == nil { rows[entry.place.id] = entry.location }
        return gazetteer.divergences.compactMap { divergence in
            guard let location = rows[divergence.mergedID] else { return nil }
            return InputProblem(location, String(format:
                "%@ puts \"%@\" %.1f km from %@'s point for the same settlement (%@); check both and correct "
                    + "one in curated/ if it is wrong", divergence.mergedSource, divergence.mergedID,
                divergence.distanceKm, divergence.keptSource, divergence.placeID), isWarning: true)
        }
    }

    private static func distanceKm(from point: LonLat, to border: MultiLineString) -> Double {
        var best = Double.infinity
        for line in border.lines {
            for vertex in line where abs(vertex.lat - point.lat) < 0.5 && abs(vertex.lon - point.lon) < 0.5 {
                best = min(best, Geodesic.distanceKm(point, vertex))
            }
        }
        return best
    }
}
