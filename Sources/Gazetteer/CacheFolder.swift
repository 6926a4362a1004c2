internal import CDeflate
public import Foundation

/// Derived data kept between runs in `$XDG_CACHE_HOME/controlmap` (else `~/.cache/controlmap`): the cells of
/// each set of places, the merged and checked gazetteer. A file is written whole by `write` (through a temporary
/// file), carries an 8-byte magic, its contents' length and a CRC-32 of them, and is used only when all match and
/// it decodes; anything else is rebuilt with a warning.
public struct CacheFolder: Sendable {
    /// Writes a file atomically, returning why it could not, or nil.
    public typealias Write = @Sendable (_ bytes: [UInt8], _ file: URL) -> String?

    public let folder: URL
    private let write: Write
    private let warn: @Sendable (String) -> Void
    /// Most bytes the cache's files may take together: past it, writing a file removes those used longest ago.
    public let limitBytes: Int

    /// 256 MiB unless said otherwise: a few dozen scenarios' cells and planar maps, and the gazetteer.
    public static let defaultLimitBytes = 256 << 20

    public init(folder: URL, limitBytes: Int = defaultLimitBytes, write: @escaping Write,
                warn: @escaping @Sendable (String) -> Void) {
        self.folder = folder
        self.limitBytes = limitBytes
        self.write = write
        self.warn = warn
    }

    /// The user's cache folder for ControlMap.
    public static func standardFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("controlmap")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".cache/controlmap")
    }

    /// What one kind of file holds and how it is named in warnings ("cell", "gazetteer").
    public struct Kind<Value> {
        public var name: String
        /// Eight ASCII bytes opening every file of the kind.
        public var magic: String
        public var encode: (Value) -> [UInt8]
        /// Reads the contents (the reader's bytes are the whole file, read from where the contents start, so that
        /// nothing is copied), or gives nil.
        public var decode: (ByteReader) -> Value?

        public init(name: String, magic: String, encode: @escaping (Value) -> [UInt8],
                    decode: @escaping (ByteReader) -> Value?) {
            precondition(magic.utf8.count == 8, "a cache magic has eight bytes")
            self.name = name
            self.magic = magic
            self.encode = encode
            self.decode = decode
        }
    }

    /// The value kept in `file`, else computed by `compute` and kept; a damaged file is reported and replaced.
    public func value<Value>(_ kind: Kind<Value>, file name: String, compute: () throws -> Value) rethrows -> Value {
        if let value = kept(kind, file: name) { return value }
        let value = try compute()
        keep(value, kind, file: name)
        return value
    }

    /// The value kept in `file`, nil when there is none; a damaged file is reported (and replaced by `keep`).
    public func kept<Value>(_ kind: Kind<Value>, file name: String) -> Value? {
        let url = folder.appendingPathComponent(name)
        guard case .success(let bytes) = FileBytes.bytes(url.path) else { return nil }
        switch Self.decode(bytes, kind) {
        case .success(let value):
            Self.markUsed(url.path)
            return value
        case .failure(let damage):
            warn("warning: the \(kind.name) cache \(url.path) is damaged (\(damage.reason)); rebuilding it")
            return nil
        }
    }

    /// Keeps `value` in `file` for the next run; a failure to write is reported.
    public func keep<Value>(_ value: Value, _ kind: Kind<Value>, file name: String) {
        if let reason = write(Self.encode(value, kind), folder.appendingPathComponent(name)) {
            warn("warning: the \(kind.name) cache was not written (\(reason)); the next run computes it again")
        } else {
            prune(keeping: name)
        }
    }

    // MARK: - File format

    public struct Damage: Error {
        public var reason: String
    }

    private static let headerSize = 8 + 16

    /// The magic, the contents' length and CRC-32 as little-endian UInt64s, then the contents.
    public static func encode<Value>(_ value: Value, _ kind: Kind<Value>) -> [UInt8] {
        let contents = kind.encode(value)
        var header = ByteWriter()
        header.append(UInt64(contents.count))
        header.append(UInt64(CRC32.checksum(contents)))
        return Array(kind.magic.utf8) + header.bytes + contents
    }

    public static func decode<Value>(_ bytes: [UInt8], _ kind: Kind<Value>) -> Result<Value, Damage> {
        guard bytes.count >= headerSize, bytes.prefix(8).elementsEqual(kind.magic.utf8) else {
            return .failure(Damage(reason: "not a \(kind.name) cache file"))
        }
        var header = ByteReader(bytes: bytes, range: 8..<headerSize)
        let length = header.uint64()!, checksum = header.uint64()!
        let contents = headerSize..<bytes.count
        guard length == UInt64(contents.count) else {
            return .failure(Damage(reason: "\(contents.count) bytes of contents where the header says \(length)"))
        }
        guard checksum == UInt64(CRC32.checksum(bytes, contents)) else {
            return .failure(Damage(reason: "checksum mismatch"))
        }
        guard let value = kind.decode(ByteReader(bytes: bytes, range: contents)) else {
            return .failure(Damage(reason: "the contents do not decode to what the file name promises"))
        }
        return .success(value)
    }
}

/// CRC-32 (ISO-HDLC, as zlib computes it), by libdeflate: detects every single-bit and double-bit error in a
/// cache file.
enum CRC32 {
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        checksum(bytes, bytes.indices)
    }

    static func checksum(_ bytes: [UInt8], _ range: Range<Int>) -> UInt32 {
        bytes.withUnsafeBytes { all in
            UInt32(libdeflate_crc32(0, all.baseAddress.map { $0 + range.lowerBound }, range.count))
        }
    }
}
