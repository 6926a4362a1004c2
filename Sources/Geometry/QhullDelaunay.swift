import Foundation
internal import CQhull

/// Delaunay triangles from qhull (libqhull_r): the lower hull of the points lifted onto a paraboloid.
public enum QhullDelaunay {
    /// Three point indices per triangle, in no particular orientation. Qhull triangulates the faces where four or
    /// more points lie on one circle (`Qt`) and leaves out points it cannot tell from another, so a caller
    /// must check that every point it needs is a corner. Fewer than three points, or points all on one line, give
    /// no triangles.
    public static func triangles(of points: [LonLat]) throws -> [Int32] {
        guard points.count >= 3, let box = Envelope(covering: points) else { return [] }
        // Centred and scaled into [-1, 1]: qhull's own tolerances are relative to the coordinates' size.
        let centre = box.centre
        let scale = max(box.maxLon - box.minLon, box.maxLat - box.minLat) / 2
        guard scale > 0 else { return [] }
        // Handed over in Z order, so that points near each other lie near each other in memory: qhull's passes
        // over a facet's outside points then stay in the cache (a quarter faster at 30,000 points).
        let order = points.indices.map { index in
            (index, zOrder((points[index].lon - box.minLon) / (2 * scale), (points[index].lat - box.minLat) / (2 * scale)))
        }.sorted { $0.1 < $1.1 }.map(\.0)
        var coordinates = [Double]()
        coordinates.reserveCapacity(points.count * 2)
        for index in order {
            coordinates.append((points[index].lon - centre.lon) / scale)
            coordinates.append((points[index].lat - centre.lat) / scale)
        }
        let qh = UnsafeMutablePointer<qhT>.allocate(capacity: 1)
        defer { qh.deallocate() }
        var messageBuffer: UnsafeMutablePointer<CChar>?
        var messageLength = 0
        guard let errors = open_memstream(&messageBuffer, &messageLength) else {
            throw GeometryError(operation: "Delaunay triangulation", message: "no stream for qhull's messages")
        }
        defer { free(messageBuffer) }
        qh_zero(qh, errors)
        var command = Array("qhull d Qt Qbb Qz".utf8CString)
        let exitCode = coordinates.withUnsafeMutableBufferPointer { buffer in
            command.withUnsafeMutableBufferPointer { text in
                qh_new_qhull(qh, 2, Int32(points.count), buffer.baseAddress, 0, text.baseAddress, nil, errors)
            }
        }
        var triangles = [Int32]()
        if exitCode == 0 {
            triangles.reserveCapacity(points.count * 6)
            var facet = qh.pointee.facet_list
            while let current = facet, current.pointee.next != nil {
                if current.pointee.upperdelaunay == 0 {
                    for k in 0..<3 {
                        let vertex = cqhull_set_element(current.pointee.vertices, Int32(k))!
                            .assumingMemoryBound(to: vertexT.self)
                        triangles.append(Int32(order[Int(qh_pointid(qh, vertex.pointee.point))]))
                    }
                }
                facet = current.pointee.next
            }
        }
        qh_freeqhull(qh, 0)
        var longCount: Int32 = 0, longBytes: Int32 = 0
        qh_memfreeshort(qh, &longCount, &longBytes)
        fclose(errors)
        guard exitCode == 0 else {
            // Points all on one line, or fewer than three apart, are no error: they have no triangles.
            if exitCode == qh_ERRsingular { return [] }
            let message = messageBuffer.map { String(cString: $0) } ?? ""
            throw GeometryError(operation: "Delaunay triangulation of \(points.count) points",
                                message: "qhull exit \(exitCode): \(message.prefix(400))")
        }
        return triangles
    }

    /// The Morton key of a position in the unit square: the bits of its two 16-bit grid coordinates interleaved.
    private static func zOrder(_ x: Double, _ y: Double) -> UInt32 {
        func spread(_ value: Double) -> UInt32 {
            var bits = UInt32(min(max(value, 0), 1) * 65535)
            bits = (bits | bits << 8) & 0x00FF_00FF
            bits = (bits | bits << 4) & 0x0F0F_0F0F
            bits = (bits | bits << 2) & 0x3333_3333
            return (bits | bits << 1) & 0x5555_5555
        }
        return spread(x) | spread(y) << 1
    }
}
