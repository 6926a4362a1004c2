import Claims
import Geometry
import Planar

/// A date's ground as faces, each with its state: the cells themselves when nothing lies over them, or else the
/// cells overlaid with the claimed regions, the outlines and the area claims in one planar map (`Overlay`), each
/// face taking the state the four layers give it, the later over the earlier.
struct GroundFaces {
    let map: any FaceMap
    /// Per face: its state; nil outside the cells' ground.
    let kinds: [Zone.Kind?]
    /// Per face: the cell it lies in (`PlaceCells.cells`' index, the unreached ground last), -1 for none.
    let cells: [Int32]
    /// Whether anything lay over the cells.
    let overlaid: Bool

    /// Overlays leave slivers under about 0.05 km² (5e-6 square degrees) where outlines from different sources
    /// nearly meet; they go to the zone beside them.
    static let sliverArea = 5e-6

    /// `cellKinds[c]` is cell c's state, the unreached ground's last. Each region's ground goes to its holder but
    /// for the cells (cut to the region) of the places inside it whose own state differs; an outline, whatever
    /// cell or region lay there, is its place's ground; and each area claim takes its ground from all the rest.
    /// The planar map is taken from `overlays` when a date with the same cells and the same things over them
    /// has built it already.
    init(cells placeCells: PlaceCells, cellKinds: [Zone.Kind], snapshot: Snapshot, regions: [RegionGround],
         outlines: [PlaceOutline], areaClaims: [AreaClaim], overlays: OverlayStore?) throws {
        overlaid = !regions.isEmpty || !outlines.isEmpty || !areaClaims.isEmpty
        guard overlaid else {
            map = placeCells.topology
            kinds = cellKinds
            cells = Array(0..<Int32(cellKinds.count))
            return
        }
        let regionLayer = regions.isEmpty ? nil : 1
        let outlineLayer = outlines.isEmpty ? nil : 1 + (regions.isEmpty ? 0 : 1)
        let firstClaimLayer = 1 + (regions.isEmpty ? 0 : 1) + (outlines.isEmpty ? 0 : 1)
        // Every layer but the cells', in the order of the layer numbers above.
        let over = (regions.isEmpty ? [] : [regions.map(\.area)]) + (outlines.isEmpty ? [] : [outlines.map(\.area)])
            + areaClaims.map { [$0.area] }
        func build() -> Overlay {
            Overlay(layers: [placeCells.cells + [placeCells.unreached]] + over,
                    knownAreasKm2: placeCells.topology.areasKm2)
        }
        let overlay = try overlays?.overlay(key: OverlayStore.key(cells: placeCells, regions: regions,
                                                                  outlines: outlines, areaClaims: areaClaims),
                                            cells: placeCells, layers: over, build: build) ?? build()

        // The region each cell's place lies in, whose ground the cell keeps when their states differ.
        var regionOfCell = [Int](repeating: -1, count: cellKinds.count)
        for (index, region) in regions.enumerated() {
            for id in region.placeIDs { if let cell = placeCells.index(of: id) { regionOfCell[cell] = index } }
        }
        let outlineKinds = outlines.map { Zone.Kind(snapshot.controls[$0.placeID]?.state) }
        let claimKinds = areaClaims.map { claim -> Zone.Kind in
            switch claim.status {
            case .control: .held(actor: claim.actor)
            case .contested: .contested(among: [claim.actor])
            case .withdrawn: .abandoned
            }
        }
        var kinds = [Zone.Kind?](repeating: nil, count: overlay.faceCount)
        var cells = [Int32](repeating: -1, count: overlay.faceCount)
        for face in 0..<overlay.faceCount {
            let cell = overlay.member(face: face, layer: 0)
            guard cell >= 0 else { continue }
            cells[face] = Int32(cell)
            var kind = cellKinds[cell]
            if let regionLayer, case let region = overlay.member(face: face, layer: regionLayer), region >= 0 {
                let own = cellKinds[cell]
                let keeps = regionOfCell[cell] == region && own != regions[region].kind && own != .unreported
                if !keeps { kind = regions[region].kind }
            }
            if let outlineLayer, case let outline = overlay.member(face: face, layer: outlineLayer), outline >= 0 {
                kind = outlineKinds[outline]
            }
            for claim in areaClaims.indices where overlay.member(face: face, layer: firstClaimLayer + claim) >= 0 {
                kind = claimKinds[claim]
            }
            kinds[face] = kind
        }
        map = overlay
        self.kinds = kinds
        self.cells = cells
    }

    /// The faces grouped by state, slivers given to their neighbours: each face's group, and each group's state.
    func groups() -> (faceGroup: [Int32], kinds: [Zone.Kind]) {
        var (faceGroup, groupKinds) = Numbering.of(kinds)
        if overlaid, let overlay = map as? Overlay {
            faceGroup = overlay.absorbingSlivers(faceGroup, minimumArea: Self.sliverArea)
        }
        return (faceGroup, groupKinds)
    }
}

/// The planar maps of a scenario's dates, kept by what was cut into them: dates with the same places reported,
/// the same regions claimed and the same outlines and area claims share one, and only their states differ.
/// With `persist`, a map is also kept between runs. Safe to share between threads.
public final class OverlayStore: Sendable {
    /// Given a key of everything a map is cut from, its layers' sizes (to check what is read back against) and
    /// how to cut it, returns the map: read back, or cut and kept.
    public typealias Persist = @Sendable (_ key: String, _ layerSizes: [Int], _ build: () throws -> Overlay) throws
        -> Overlay
    private let overlays = Memo<Overlay>()
    private let persist: Persist?

    public init(persist: Persist? = nil) {
        self.persist = persist
    }

    /// The map of `key`: remembered, read back or built. `cells` and `layers` (all but the cells' layer) are
    /// what it is cut from.
    func overlay(key: String, cells: PlaceCells, layers: [[MultiPolygon]], build: () throws -> Overlay) throws
        -> Overlay {
        try overlays.value(key) {
            guard let persist else { return try build() }
            return try persist(OverlayCoding.key(cells: cells, layers: layers),
                               [cells.cells.count + 1] + layers.map(\.count), build)
        }
    }

    /// The cells' key, then the regions, outlines and area claims (each claim by id and date: a scenario's claim
    /// of one area on one date has one outline).
    static func key(cells: PlaceCells, regions: [RegionGround], outlines: [PlaceOutline],
                    areaClaims: [AreaClaim]) -> String {
        [cells.key, regions.map(\.regionID).joined(separator: ","), outlines.map(\.placeID).joined(separator: ","),
         areaClaims.map { "\($0.id)@\($0.date)" }.joined(separator: ",")].joined(separator: "|")
    }
}
