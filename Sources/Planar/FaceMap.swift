public import Geometry

/// Ground divided into faces, each of which has one state at a date: the cells of a date's places, or the cells
/// cut by claimed regions, outlines and area claims (`Overlay`). Zones, their areas and the fronts between them
/// are read off either in the same way: group the faces, walk the edges between groups, add up the faces.
public protocol FaceMap: Sendable {
    var faceCount: Int { get }
    var vertexCount: Int { get }
    func position(_ vertex: Int32) -> LonLat
    /// The outline of each group of faces: `faceGroup[f]` is face f's group, from 0 to `groupCount - 1`, or -1
    /// for none.
    func unions(faceGroup: [Int32], groupCount: Int) -> [MultiPolygon]
    /// The geodesic area of each group of faces in km², as `unions` groups them.
    func areasKm2(faceGroup: [Int32], groupCount: Int) -> [Double]
    /// Calls `body` with every half-edge: the face on its left, the face on its right (nil where nothing lies
    /// there) and its two vertices, walked with the left face on the left.
    func forEachHalfEdge(_ body: (_ face: Int, _ across: Int?, _ from: Int32, _ to: Int32) -> Void)
}

extension CellTopology: FaceMap {
    /// A cell is a face.
    public var faceCount: Int { areasKm2.count }

    public func unions(faceGroup: [Int32], groupCount: Int) -> [MultiPolygon] {
        unions(groupCount: groupCount) { Int(faceGroup[Int(cell(of: $0))]) }
    }

    public func areasKm2(faceGroup: [Int32], groupCount: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: groupCount)
        for (cell, group) in faceGroup.enumerated() where group >= 0 { sums[Int(group)] += areasKm2[cell] }
        return sums
    }
}
