internal import CPNG

/// Writes Cairo's pixels as PNG through libpng's simplified API, with its fast setting: Cairo's own writer
/// tries every row filter at the default compression, which costs more than drawing the map. Maps are mostly
/// flat colour, so the files stay small.
enum PNGWriter {
    /// `data` holds `height` rows of `stride` bytes, each pixel Cairo's ARGB32 (premultiplied, native order).
    static func encode(_ data: UnsafeRawPointer, width: Int, height: Int, stride: Int) throws -> [UInt8] {
        var opaque = true
        for row in 0..<height where opaque {
            let pixels = (data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<width where pixels[column] >> 24 != 0xFF {
                opaque = false
                break
            }
        }
        let channels = opaque ? 3 : 4
        var straight = [UInt8](repeating: 0, count: width * height * channels)
        straight.withUnsafeMutableBufferPointer { output in
            var index = 0
            for row in 0..<height {
                let pixels = (data + row * stride).assumingMemoryBound(to: UInt32.self)
                for column in 0..<width {
                    let pixel = pixels[column]
                    let alpha = pixel >> 24
                    var (red, green, blue) = ((pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF)
                    if alpha != 0xFF && alpha != 0 {
                        // Undo premultiplication, rounding as Cairo's own writer does.
                        red = (red * 255 + alpha / 2) / alpha
                        green = (green * 255 + alpha / 2) / alpha
                        blue = (blue * 255 + alpha / 2) / alpha
                    }
                    output[index] = UInt8(red)
                    output[index + 1] = UInt8(green)
                    output[index + 2] = UInt8(blue)
                    if channels == 4 { output[index + 3] = UInt8(alpha) }
                    index += channels
                }
            }
        }
        var image = png_image()
        image.version = CPNG_IMAGE_VERSION
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = opaque ? CPNG_FORMAT_RGB : CPNG_FORMAT_RGBA
        image.flags = CPNG_IMAGE_FLAG_FAST
        defer { png_image_free(&image) }
        let rowBytes = Int32(width * channels)
        var size = 0
        guard png_image_write_to_memory(&image, nil, &size, 0, straight, rowBytes, nil) != 0 else {
            throw CanvasError("could not encode PNG: \(message(of: image))")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        let written = bytes.withUnsafeMutableBytes { memory in
            png_image_write_to_memory(&image, memory.baseAddress, &size, 0, straight, rowBytes, nil)
        }
        guard written != 0 else { throw CanvasError("could not encode PNG: \(message(of: image))") }
        return Array(bytes.prefix(size))
    }

    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
