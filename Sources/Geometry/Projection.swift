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
        var created = proj_create(context, definition)
        if created == nil {
            // Built without PROJ's database (see `ContextPool`): a definition that needs it finds it now.
            ContextPool.searchDefaultPaths(context)
            created = proj_create(context, definition)
        }
        guard let transform = created else {
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

/// PROJ contexts kept for the projections to come; a context serves one projection at a time. The project's
/// projections are PROJ strings that name no CRS, grid or file, which PROJ builds without its database: a context
/// looks for resource files where there can be none (a path under /dev/null), so that PROJ does not open and read
/// its database (SQLite, some 4 ms and 3 MB of every run that projects); a definition that fails so is tried again
/// with PROJ's own search paths. Messages PROJ would print are dropped: errors reach the caller as values.
private enum ContextPool {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var idle: [OpaquePointer] = []

    static func take() -> OpaquePointer? {
        if let context = lock.withLock({ idle.popLast() }) { return context }
        guard let context = proj_context_create() else { return nil }
        proj_log_level(context, PJ_LOG_NONE)
        proj_log_func(context, nil) { _, _, _ in }
        "/dev/null/no-proj-data".withCString { path in
            var paths: [UnsafePointer<CChar>?] = [path]
            proj_context_set_search_paths(context, 1, &paths)
        }
        return context
    }

    /// PROJ's own search paths again (its data folder, the environment's), its database with them.
    static func searchDefaultPaths(_ context: OpaquePointer) {
        proj_context_set_search_paths(context, 0, nil)
    }

    static func give(_ context: OpaquePointer) {
        lock.withLock { idle.append(context) }
    }
}
