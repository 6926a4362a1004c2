public import Foundation
public import Gazetteer
public import Planar
public import Territory

extension CacheFolder {
    /// The user's cache folder, written through `OutputFile`, holding at most `CONTROLMAP_CACHE_MB` megabytes
    /// (256 when unset); `warn` hears of a damaged or unwritable file, or of a limit it cannot read.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                warn: @escaping @Sendable (String) -> Void) -> CacheFolder {
        var limit = defaultLimitBytes
        if let text = environment["CONTROLMAP_CACHE_MB"] {
            if let megabytes = Int(text), megabytes >= 1, megabytes <= 1 << 30 {
                limit = megabytes << 20
            } else {
                warn("warning: CONTROLMAP_CACHE_MB=\(text) is not a number of megabytes from 1 up; the cache keeps "
                     + "up to \(defaultLimitBytes >> 20) MB")
            }
        }
        return CacheFolder(folder: standardFolder(environment: environment), limitBytes: limit, write: { bytes, file in
            OutputFile.removeStaleTemporaries(of: file)
            do {
                try OutputFile.write(bytes, to: file.path)
                return nil
            } catch let failure as RuntimeFailure {
                return failure.message
            } catch {
                return "\(error)"
            }
        }, warn: warn)
    }

    /// The cells of a key, kept in `cells3-KEY.bin` (named by the version of its form, so that a form read by
    /// earlier versions is neither read nor reported as damaged).
    public func cells(key: String, compute: () throws -> PlaceCells) throws -> PlaceCells {
        try value(.cells(key: key), file: "cells3-\(key).bin", compute: compute)
    }

    /// A date's planar map, kept in `overlay1-KEY.bin`; read back only when its layers hold `layerSizes`
    /// polygons.
    public func overlay(key: String, layerSizes: [Int], compute: () throws -> Overlay) throws -> Overlay {
        try value(.overlay(layerSizes: layerSizes), file: "overlay1-\(key).bin", compute: compute)
    }
}

extension CacheFolder.Kind<Overlay> {
    static func overlay(layerSizes: [Int]) -> Self {
        .init(name: "overlay", magic: "CMOVRLY1", encode: OverlayCoding.encoded,
              decode: { OverlayCoding.decoded($0, layerSizes: layerSizes) })
    }
}

extension CacheFolder.Kind<PlaceCells> {
    /// Cells, used only when they decode to the cells of `key`.
    static func cells(key: String) -> Self {
        .init(name: "cell", magic: "CMCELLS3", encode: { $0.encoded() },
              decode: { PlaceCells(reader: $0).flatMap { $0.key == key ? $0 : nil } })
    }
}
