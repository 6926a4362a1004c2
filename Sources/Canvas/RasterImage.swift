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
        try pixels.withUnsafeBytes { raw in
            try PNGWriter.encode(raw.baseAddress!, width: width, height: height, stride: width * 4)
        }
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
