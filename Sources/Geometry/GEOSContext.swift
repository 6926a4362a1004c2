internal import CGEOS

/// Collects the text GEOS hands to its message handlers; cleared before each checked call.
private final class MessageSink {
    var error: String?
    var notice: String?
}

/// One GEOS context, owned by one task and never shared between threads.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let sink = MessageSink()

    /// A new context; throws when GEOS cannot make one (out of memory).
    init() throws {
        guard let handle = GEOS_init_r() else {
            throw GeometryError(operation: "GEOS_init_r", message: "GEOS could not create a context (out of memory?)")
        }
        self.handle = handle
        // The sink outlives the context: `deinit` finishes the context before the sink is released.
        let userData = Unmanaged.passUnretained(sink).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userData in
            guard let message, let userData else { return }
            Unmanaged<MessageSink>.fromOpaque(userData).takeUnretainedValue().error = String(cString: message)
        }, userData)
        GEOSContext_setNoticeMessageHandler_r(handle, { message, userData in
            guard let message, let userData else { return }
            Unmanaged<MessageSink>.fromOpaque(userData).takeUnretainedValue().notice = String(cString: message)
        }, userData)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// Runs one GEOS call that returns a new geometry, NULL on failure, and takes ownership of the result.
    func make(_ operation: String, _ call: (GEOSContextHandle_t) -> OpaquePointer?) throws -> GEOSGeometryRef {
        sink.error = nil
        guard let raw = call(handle) else { throw failure(operation) }
        return GEOSGeometryRef(context: self, raw: raw)
    }

    /// Runs one GEOS predicate: 1 true, 0 false, 2 an error.
    func predicate(_ operation: String, _ call: (GEOSContextHandle_t) -> CChar) throws -> Bool {
        sink.error = nil
        switch call(handle) {
        case 1: return true
        case 0: return false
        default: throw failure(operation)
        }
    }

    /// Runs one GEOS call whose status is 0 on failure.
    func check(_ operation: String, _ call: (GEOSContextHandle_t) -> Int32) throws {
        sink.error = nil
        if call(handle) == 0 { throw failure(operation) }
    }

    /// Forgets earlier messages, before a call whose failure is read from the handlers.
    func clearMessages() {
        sink.error = nil
        sink.notice = nil
    }

    func failure(_ operation: String) -> GeometryError {
        GeometryError(operation: operation, message: sink.error ?? sink.notice ?? "GEOS reported a failure")
    }
}

/// A GEOS geometry this side owns and destroys, unless ownership is handed to GEOS with `release()`.
final class GEOSGeometryRef {
    let context: GEOSContext
    private(set) var raw: OpaquePointer
    private var owned = true

    init(context: GEOSContext, raw: OpaquePointer) {
        self.context = context
        self.raw = raw
    }

    deinit {
        if owned { GEOSGeom_destroy_r(context.handle, raw) }
    }

    /// Gives the geometry to a GEOS call that takes ownership (collections, polygons from rings).
    func release() -> OpaquePointer {
        owned = false
        return raw
    }

    var typeID: Int32 { GEOSGeomTypeId_r(context.handle, raw) }
}
