public import Foundation
import Gazetteer
import Geometry
public import Territory

/// The cells of each set of places, kept between runs in `$XDG_CACHE_HOME/controlmap` (else `~/.cache/controlmap`).
/// A file is written whole through a temporary file, carries its length and a CRC-32 of its contents, and is used
/// only when both match and it decodes to the cells of the same key; anything else is rebuilt with a warning.
public struct CellCache: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The user's cache folder for ControlMap.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> CellCache {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return CellCache(folder: URL(fileURLWithPath: xdg).appendingPathComponent("controlmap"))
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return CellCache(folder: home.appendingPathComponent(".cache/controlmap"))
    }

    /// The cache file of a key.
    public func file(key: String) -> URL { folder.appendingPathComponent("cells-\(key).bin") }

    /// The cached cells, else computed by `compute` and stored; a damaged file is told to `warn` and replaced.
    public func cells(key: String, warn: (String) -> Void, compute: () throws -> PlaceCells) throws -> PlaceCells {
        let url = file(key: key)
        OutputFile.removeStaleTemporaries(of: url)
        if let data = FileManager.default.contents(atPath: url.path) {
            switch Self.decode([UInt8](data), key: key) {
            case .success(let cells): return cells
            case .failure(let damage):
                warn("warning: the cell cache \(url.path) is damaged (\(damage.reason)); rebuilding it")
            }
        }
        let cells = try compute()
        do {
            try OutputFile.write(Self.encode(cells), to: url.path)
        } catch let failure as RuntimeFailure {
            warn("warning: the cells were not cached (\(failure.message)); the next run computes them again")
        }
        return cells
    }

    // MARK: - File format

    public struct Damage: Error {
        public var reason: String
    }

    private static let magic = Array("CMCELLS1".utf8)
    private static let headerSize = magic.count + 16

    /// `CMCELLS1`, the contents' length and CRC-32 as little-endian UInt64s, then the contents.
    public static func encode(_ cells: PlaceCells) -> [UInt8] {
        let contents = cells.encoded()
        return magic + littleEndian(UInt64(contents.count)) + littleEndian(UInt64(CRC32.checksum(contents))) + contents
    }

    public static func decode(_ bytes: [UInt8], key: String) -> Result<PlaceCells, Damage> {
        guard bytes.count >= headerSize, Array(bytes.prefix(magic.count)) == magic else {
            return .failure(Damage(reason: "not a cell cache file"))
        }
        let length = readLittleEndian(bytes, at: magic.count), checksum = readLittleEndian(bytes, at: magic.count + 8)
        let contents = Array(bytes[headerSize...])
        guard length == UInt64(contents.count) else {
            return .failure(Damage(reason: "\(contents.count) bytes of contents where the header says \(length)"))
        }
        guard checksum == UInt64(CRC32.checksum(contents)) else { return .failure(Damage(reason: "checksum mismatch")) }
        guard let cells = PlaceCells(encoded: contents), cells.key == key else {
            return .failure(Damage(reason: "the contents do not decode to the cells of \(key)"))
        }
        return .success(cells)
    }

    private static func littleEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    private static func readLittleEndian(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    }
}

/// CRC-32 (ISO-HDLC, as zlib computes it): detects every single-bit and double-bit error in a cache file.
public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        (0..<8).reduce(UInt32(index)) { crc, _ in crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        ~bytes.reduce(~UInt32(0)) { crc, byte in table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    }
}
