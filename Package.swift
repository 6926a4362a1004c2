// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ControlMap",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "controlmap", targets: ["controlmap"]),
        .library(name: "ControlMapKit", targets: ["Gazetteer", "Claims", "Territory", "Cartography"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // MARK: - C libraries from Debian, one #include each
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(
            name: "CCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "fonts-noto-core"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),

        // MARK: - Thin wrappers: the only code that sees C pointers
        .target(name: "Geometry", dependencies: ["CGEOS", "CPROJ"]),
        .target(name: "Canvas", dependencies: ["CCairo", "CPNG"]),
        .target(name: "GIS", dependencies: ["CGDAL", "Geometry"]),

        // MARK: - The pipeline, one module per stage
        .target(name: "Gazetteer", dependencies: ["Geometry"]),
        .target(name: "Claims", dependencies: ["Gazetteer", "Geometry", .product(name: "Yams", package: "Yams")]),
        .target(name: "Territory", dependencies: ["Claims", "Geometry", "GIS"]),
        .target(name: "Cartography", dependencies: ["Territory", "Canvas", "GIS"]),
        .executableTarget(
            name: "controlmap",
            dependencies: [
                "Gazetteer", "Claims", "Territory", "Cartography", "GIS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "geometry-cycles", dependencies: ["Geometry"]),
        .executableTarget(name: "controlmap-bench", dependencies: ["Gazetteer", "Claims", "Territory", "Cartography"]),
        .executableTarget(name: "controlmap-fuzz", dependencies: ["Gazetteer", "Claims"]),

        // MARK: - Tests mirror the sources
        .testTarget(name: "GeometryTests", dependencies: ["Geometry", "geometry-cycles"]),
        .testTarget(name: "CanvasTests", dependencies: ["Canvas"]),
        .testTarget(name: "GazetteerTests", dependencies: ["Gazetteer"], exclude: ["Fixtures"]),
        .testTarget(name: "ClaimsTests", dependencies: ["Claims"]),
        .testTarget(name: "TerritoryTests", dependencies: ["Territory"]),
        .testTarget(name: "CartographyTests", dependencies: ["Cartography", "GIS"]),
        .testTarget(name: "controlmapTests", dependencies: ["controlmap", "Gazetteer", "Geometry"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
