public import Claims
import Geometry
public import GIS

/// The layers a map is written as in GIS formats, in this order.
public enum LayerKind: String, CaseIterable, Sendable {
    /// Ground held by one actor, shared by allies, or abandoned (polygons).
    case zones
    /// Ground fought over between sides (polygons).
    case contested
    /// Lines where different sides' zones meet.
    case fronts
    /// Places with a state at the date (points).
    case places
    /// Ground whose state changed between two dates (polygons).
    case changes
}

extension TerritoryMap {
    /// The zones, contested, fronts and places layers, each feature with a stable id: a zone's state
    /// (`held:hts`, `contested:government+hts`), `front:` and the two sides' actors, or a place's id. Areas are
    /// snapped to the 10 cm grid of GeoJSON's six decimals, so that they stay valid once written.
    public func layers(scenario: Scenario) throws -> [FeatureLayer] {
        var zones = [Feature](), contested = [Feature]()
        for zone in self.zones {
            let km2 = ("km2", FieldValue.real(zone.areaKm2, decimals: 1))
            let names = zone.kind.actors.compactMap { scenario.actor(id: $0)?.nameEn }.joined(separator: " / ")
            let properties: [(String, FieldValue)]
            switch zone.kind {
            case .held(let actor):
                properties = [("kind", .text("zone")), ("actor", .text(actor)),
                              ("actor_name", scenario.actor(id: actor).map { .text($0.nameEn) } ?? .null), km2]
            case .contested(let among), .shared(let among):
                let kind = if case .shared = zone.kind { "shared" } else { "contested" }
                properties = [("kind", .text(kind)), ("actor", .null), ("actors", .list(among)),
                              ("actor_name", .text(names)), km2]
            case .abandoned:
                properties = [("kind", .text("abandoned")), ("actor", .null), km2]
            case .unreported:
                continue
            }
            let feature = Feature(id: zone.kind.name, geometry: .area(try zone.area.snapped(toGrid: GeoJSON.grid)),
                                  properties: properties)
            if case .contested = zone.kind { contested.append(feature) } else { zones.append(feature) }
        }
        var ids = [String: Int]()
        let fronts = self.fronts.map { front in
            let base = "front:" + front.actors.joined(separator: "+")
            ids[base, default: 0] += 1
            let id = ids[base] == 1 ? base : base + "#\(ids[base]!)"
            return Feature(id: id, geometry: .lines(front.line),
                           properties: [("kind", .text("front")), ("actors", .list(front.actors))])
        }
        var places = [Feature]()
        for placeID in snapshot.controls.keys.sorted() {
            guard let place = scenario.gazetteer.place(id: placeID), let control = snapshot.controls[placeID] else {
                continue
            }
            places.append(Feature(id: place.id, geometry: .point(place.lonLat), properties: [
                ("kind", .text("place")), ("id", .text(place.id)), ("name", .text(place.nameEn)),
                ("name_ar", .text(place.nameAr)), ("place_kind", .text(place.kind.rawValue)),
                ("controller", control.state.controller.map(FieldValue.text) ?? .null),
                ("status", .text(control.state.statusName)), ("since", .text(control.since.description)),
                ("sources", .records(keys: ["source", "url"], rows: control.citations.map { [$0.source, $0.url] })),
            ]))
        }
        return [FeatureLayer(name: LayerKind.zones.rawValue, kind: .area, features: zones),
                FeatureLayer(name: LayerKind.contested.rawValue, kind: .area, features: contested),
                FeatureLayer(name: LayerKind.fronts.rawValue, kind: .lines, features: fronts),
                FeatureLayer(name: LayerKind.places.rawValue, kind: .point, features: places)]
    }
}

extension ControlDiff {
    /// The ground that changed state, one feature per (before → after) pair, id `BEFORE>AFTER` in zone-state names.
    public func changesLayer() throws -> FeatureLayer {
        FeatureLayer(name: LayerKind.changes.rawValue, kind: .area, features: try transfers.map { transfer in
            Feature(id: transfer.fromKind.name + ">" + transfer.toKind.name,
                    geometry: .area(try transfer.area.snapped(toGrid: GeoJSON.grid)),
                    properties: [
                        ("kind", .text("transfer")), ("from", transfer.from.map(FieldValue.text) ?? .null),
                        ("to", transfer.to.map(FieldValue.text) ?? .null),
                        ("from_state", .text(transfer.fromKind.name)), ("to_state", .text(transfer.toKind.name)),
                        ("change", .text(transfer.change.rawValue)),
                        ("km2", .real(transfer.areaKm2, decimals: 1)),
                    ])
        })
    }
}

extension TerritoryModel {
    /// The five layers of the map at `date`; `changes` holds what changed since `start` (empty when `start` is
    /// not before `date`).
    public func layers(at date: Day, since start: Day) throws -> [FeatureLayer] {
        let map = try map(at: date)
        let changes = start < date
            ? try ControlDiff(from: try self.map(at: start), to: map, actors: scenario.actors.map(\.id)).changesLayer()
            : FeatureLayer(name: LayerKind.changes.rawValue, kind: .area, features: [])
        return try map.layers(scenario: scenario) + [changes]
    }
}
