/// The version `controlmap --version` prints.
enum ControlMapVersion {
    static let current = "0.9.0"
}
