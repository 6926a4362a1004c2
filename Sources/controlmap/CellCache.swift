import ArgumentParser
import Foundation
import Gazetteer
import Territory

/// Whether to use the caches.
struct CacheOptions: ParsableArguments {
    @Flag(help: "Compute the gazetteer index and the cells afresh and neither read nor write the cache.")
    var noCache = false

    /// The user's cache folder, or nil with `--no-cache`.
    var folder: CacheFolder? { noCache ? nil : .standard() }
}

extension CacheFolder {
    /// The user's cache folder, written through `OutputFile` and warning on stderr.
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> CacheFolder {
        CacheFolder(folder: standardFolder(environment: environment), write: { bytes, file in
            OutputFile.removeStaleTemporaries(of: file)
            do {
                try OutputFile.write(bytes, to: file.path)
                return nil
            } catch let failure as RuntimeFailure {
                return failure.message
            } catch {
                return "\(error)"
            }
        }, warn: { printError($0) })
    }

    /// The cells of a key, kept in `cells-KEY.bin`.
    func cells(key: String, compute: () throws -> PlaceCells) throws -> PlaceCells {
        try value(.cells(key: key), file: "cells-\(key).bin", compute: compute)
    }
}

extension CacheFolder.Kind<PlaceCells> {
    /// Cells, used only when they decode to the cells of `key`.
    static func cells(key: String) -> Self {
        .init(name: "cell", magic: "CMCELLS1", encode: { $0.encoded() },
              decode: { PlaceCells(encoded: $0).flatMap { $0.key == key ? $0 : nil } })
    }
}
