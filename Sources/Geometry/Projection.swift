internal import CPROJ
internal import CPROJLoader
import Foundation

/// A projected position in metres.
public struct ProjectedPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A map projection from PROJ, built from a PROJ string such as `+proj=lcc +lat_1=33 +lat_2=37 +lon_0=38`.
/// Holds a PROJ context of its own while it lives: use one projection per task, not from several threads at once.
public final class Projection {
    /// Starts opening PROJ on another thread, so that it is ready when the first projection or geodesic needs
    /// it; a command calls this as it starts reading its inputs.
    public static func loadLibraryInBackground() {
        controlmap_proj_prefetch()
    }

    /// The PROJ string it was made from.
    public let definition: String
    private let context: OpaquePointer
    private let transform: OpaquePointer

    public init(_ definition: String) throws {
        self.definition = definition
        guard let context = ContextPool.take() else {
            throw GeometryError(operation: "projection", message: "PROJ could not create a context")
        }
        guard let transform = proj_create(context, definition) else {
            let message = String(cString: proj_context_errno_string(context, proj_context_errno(context)))
            ContextPool.give(context)
            throw GeometryError(operation: "projection \(definition)", message: message)
        }
        self.context = context
        self.transform = transform
    }

    deinit {
        proj_destroy(transform)
        ContextPool.give(context)
    }

    /// Projects a position; nil where the projection is undefined.
    public func project(_ position: LonLat) -> ProjectedPoint? {
        proj_errno_reset(transform)
        let input = proj_coord(position.lon * .pi / 180, position.lat * .pi / 180, 0, 0)
        let output = proj_trans(transform, PJ_FWD, input)
        guard proj_errno(transform) == 0, output.xy.x.isFinite, output.xy.y.isFinite else { return nil }
        return ProjectedPoint(x: output.xy.x, y: output.xy.y)
    }

    /// Finds the position of a projected point; nil where the inverse is undefined.
    public func unproject(_ point: ProjectedPoint) -> LonLat? {
        proj_errno_reset(transform)
        let output = proj_trans(transform, PJ_INV, proj_coord(point.x, point.y, 0, 0))
        guard proj_errno(transform) == 0, output.lp.lam.isFinite, output.lp.phi.isFinite else { return nil }
        return LonLat(output.lp.lam * 180 / .pi, output.lp.phi * 180 / .pi)
    }
}

/// PROJ contexts kept for the projections to come. A context opens PROJ's database with its first projection,
/// which costs milliseconds; a map's projections and the views checked at load time reuse contexts instead of
/// each opening the database again. A context serves one projection at a time.
private enum ContextPool {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var idle: [OpaquePointer] = []

    static func take() -> OpaquePointer? {
        if let context = lock.withLock({ idle.popLast() }) { return context }
        guard let context = proj_context_create() else { return nil }
        proj_log_level(context, PJ_LOG_NONE)
        return context
    }

    static func give(_ context: OpaquePointer) {
        lock.withLock { idle.append(context) }
    }
}
