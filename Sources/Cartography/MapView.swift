public import Claims
public import Geometry

/// A map extent with the projection that suits it.
public struct MapView: Hashable, Sendable {
    public var id: String
    public var name: LocalizedText
    public var envelope: Envelope

    public init(id: String, name: LocalizedText, envelope: Envelope) {
        self.id = id
        self.name = name
        self.envelope = envelope
    }

    /// The views every scenario has; a scenario's own views of the same id replace them.
    public static let builtIn: [MapView] = [
        MapView(id: "syria", name: LocalizedText(en: "Syria", ar: "سوريا"),
                envelope: Envelope(minLon: 35.45, minLat: 32.2, maxLon: 42.6, maxLat: 37.45)),
        MapView(id: "northwest", name: LocalizedText(en: "North-west Syria", ar: "شمال غرب سوريا"),
                envelope: Envelope(minLon: 35.75, minLat: 34.95, maxLon: 38.25, maxLat: 36.85)),
        MapView(id: "aleppo-city", name: LocalizedText(en: "Aleppo city", ar: "مدينة حلب"),
                envelope: Envelope(minLon: 37.065, minLat: 36.134, maxLon: 37.265, maxLat: 36.296)),
        MapView(id: "damascus-city", name: LocalizedText(en: "Damascus city", ar: "مدينة دمشق"),
                envelope: Envelope(minLon: 36.19, minLat: 33.455, maxLon: 36.361, maxLat: 33.571)),
    ]

    /// Built-in views overlaid with the scenario's, by id.
    public static func all(for scenario: Scenario) -> [MapView] {
        var views = builtIn
        for named in scenario.views {
            let view = MapView(id: named.id, name: named.name, envelope: named.envelope)
            if let index = views.firstIndex(where: { $0.id == named.id }) { views[index] = view } else { views.append(view) }
        }
        return views
    }

    /// A view for any box, e.g. from `--bbox`.
    public static func custom(_ envelope: Envelope) -> MapView {
        MapView(id: "bbox", name: LocalizedText(en: "", ar: ""), envelope: envelope)
    }

    /// Lambert conformal conic with standard parallels inside the view: shapes and distances stay true
    /// enough for a scale bar at every zoom, from the country down to a city.
    public var projectionDefinition: String {
        let span = envelope.maxLat - envelope.minLat
        let lat1 = envelope.minLat + span / 6, lat2 = envelope.maxLat - span / 6
        let centre = envelope.centre
        return String(format: "+proj=lcc +lat_1=%.4f +lat_2=%.4f +lat_0=%.4f +lon_0=%.4f +datum=WGS84 +units=m",
                      lat1, lat2, centre.lat, centre.lon)
    }

    /// A city view, narrow enough for neighbourhoods: their outlines and names are drawn, and their symbols.
    public var showsQuarters: Bool { widthKm < 80 }

    /// Width of the view in km along its middle latitude, to decide what detail to show.
    public var widthKm: Double {
        Geodesic.distanceKm(LonLat(envelope.minLon, envelope.centre.lat), LonLat(envelope.maxLon, envelope.centre.lat))
    }
}

import Foundation
