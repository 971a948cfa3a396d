import SkillGateReplay
import Foundation

/// Copies `Templates/starter/` into a new skill package, filling `{{placeholder}}` slots in file
/// contents and paths: `{{name}}`, `{{typeName}}`, `{{skillName}}`, `{{invocationName}}`,
/// `{{skillId}}` and `{{skillgatePath}}`.
struct StarterGenerator {
    /// The package and executable name, e.g. `coffee-shop`.
    let name: String
    /// The Swift type of the skill, e.g. `CoffeeShop`.
    let typeName: String
    /// The spoken name, e.g. `Coffee Shop`.
    let skillName: String
    /// The absolute path of the SkillGate checkout the package depends on.
    let skillgatePath: String

    /// Names a new skill.
    /// - Parameters:
    ///   - name: letters, digits, `-` and `_`, starting with a letter.
    ///   - skillgatePath: the SkillGate checkout to depend on.
    /// - Throws: ``CLIError`` `.usage` for a name that cannot be a package and a Swift type.
    init(name: String, skillgatePath: String) throws(CLIError) {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
            name.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            })
        else {
            throw .usage("the name '\(name)' must start with a letter and use only letters, digits, '-' and '_' (e.g. coffee-shop)")
        }
        let words = Self.words(of: name)
        typeName = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        guard !["Skill", "SkillGate", "Intent", "Launch", "Route", "Event", "Fallback", "SessionEnded"].contains(typeName) else {
            throw .usage("the name '\(name)' would make a type called \(typeName), which SkillGate already uses; pick another name")
        }
        self.name = name
        skillName = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        self.skillgatePath = skillgatePath
    }

    /// The values of the placeholders.
    var fills: [String: String] {
        [
            "name": name, "typeName": typeName, "skillName": skillName, "invocationName": skillName.lowercased(),
            "skillId": "amzn1.ask.skill." + name.lowercased(), "skillgatePath": skillgatePath,
        ]
    }

    /// Writes the package.
    /// - Parameters:
    ///   - starter: the `Templates/starter` folder.
    ///   - destination: the new package's folder (created; must not exist or be empty).
    /// - Returns: the files written, relative to `destination`.
    /// - Throws: ``CLIError`` when the folder is taken, a template cannot be read or a file cannot be written.
    func generate(from starter: String, into destination: String) throws(CLIError) -> [String] {
        if FileSystem.exists(destination) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: destination)) ?? ["?"]
            guard FileSystem.isDirectory(destination), contents.isEmpty else {
                throw .io("\(destination) already exists; pick another --path or name")
            }
        }
        let sources = try FileSystem.files(under: starter, includeHidden: true)
        guard !sources.isEmpty else { throw .io("\(starter) holds no starter files") }
        var written: [String] = []
        for source in sources {
            let relative = try fill(String(source.dropFirst(starter.count + 1)), in: source)
            let text = try fill(String(decoding: try FileSystem.read(source), as: UTF8.self), in: source)
            let target = destination + "/" + relative
            try FileSystem.createDirectory(FileSystem.directory(of: target))
            try FileSystem.write(text, to: target)
            written.append(relative)
        }
        return written
    }

    private func fill(_ text: String, in source: String) throws(CLIError) -> String {
        var result = text
        for (key, value) in fills {
            result = result.replacingOccurrences(of: "{{\(key)}}", with: value)
        }
        if let open = result.range(of: "{{"), let close = result[open.upperBound...].range(of: "}}") {
            let unknown = result[open.lowerBound..<close.upperBound]
            throw .io(
                "\(source): unknown placeholder \(unknown); known: \(fills.keys.sorted().map { "{{\($0)}}" }.joined(separator: ", "))")
        }
        return result
    }

    /// `coffee-shop` → `coffee`, `shop`; `RideHailer` → `Ride`, `Hailer`.
    private static func words(of name: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in name {
            if character == "-" || character == "_" {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isUppercase, let last = current.last, last.isLowercase {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
