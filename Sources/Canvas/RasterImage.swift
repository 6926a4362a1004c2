internal import CCairo

/// Decoded PNG pixels, for comparing images: 0xAARRGGBB premultiplied, row by row.
public struct RasterImage: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt32]

    public init(width: Int, height: Int, pixels: [UInt32]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Decodes PNG bytes through Cairo.
    public init(png bytes: [UInt8]) throws {
        let source = ByteSource(bytes)
        let closure = Unmanaged.passUnretained(source).toOpaque()
        guard let surface = cairo_image_surface_create_from_png_stream(ByteSource.read, closure) else {
            throw CanvasError("could not decode PNG")
        }
        defer { cairo_surface_destroy(surface) }
        try checkCairo(cairo_surface_status(surface), "decoding PNG")
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw CanvasError("PNG has no pixels") }
        var pixels = [UInt32]()
        pixels.reserveCapacity(width * height)
        for row in 0..<height {
            let rowStart = UnsafeRawPointer(data + row * stride)
            for column in 0..<width {
                pixels.append(rowStart.loadUnaligned(fromByteOffset: column * 4, as: UInt32.self))
            }
        }
        self.pixels = pixels
    }

    /// Encodes these pixels as PNG.
    public func png() throws -> [UInt8] {
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, Int32(width)))
        var buffer = [UInt8](repeating: 0, count: stride * height)
        buffer.withUnsafeMutableBytes { raw in
            for row in 0..<height {
                for column in 0..<width {
                    raw.storeBytes(of: pixels[row * width + column], toByteOffset: row * stride + column * 4,
                                   as: UInt32.self)
                }
            }
        }
        let sink = ByteSink()
        try buffer.withUnsafeMutableBufferPointer { pointer in
            guard let surface = cairo_image_surface_create_for_data(
                pointer.baseAddress, CAIRO_FORMAT_ARGB32, Int32(width), Int32(height), Int32(stride))
            else { throw CanvasError("could not wrap pixels") }
            defer { cairo_surface_destroy(surface) }
            let closure = Unmanaged.passUnretained(sink).toOpaque()
            try checkCairo(cairo_surface_write_to_png_stream(surface, ByteSink.write, closure), "encoding PNG")
        }
        return sink.bytes
    }
}

/// Feeds bytes to Cairo's PNG reader.
private final class ByteSource {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    static let read: cairo_read_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
        let count = Int(length)
        guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        source.bytes.withUnsafeBufferPointer { buffer in
            data.update(from: buffer.baseAddress! + source.offset, count: count)
        }
        source.offset += count
        return CAIRO_STATUS_SUCCESS
    }
}
