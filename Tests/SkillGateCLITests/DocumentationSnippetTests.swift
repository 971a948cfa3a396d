import Foundation
import Testing

/// The documentation's code compiles: every ```swift block in README.md and in the DocC catalogs
/// (`Sources/*/*.docc`) appears, line for line (indentation aside), in a Swift file of a target
/// that Package.swift builds from `Samples/` — Samples/OneFile, Samples/RideHailer, or
/// Samples/DocSnippets, whose skill and tests exist for the articles. Every ```json block in the
/// catalogs parses. Shell and other blocks are not checked.
struct DocumentationSnippetTests {
    /// A fenced code block.
    struct Block: CustomStringConvertible {
        let file: String
        let line: Int
        let language: String
        let lines: [String]

        var description: String { "\(file):\(line) (```\(language) starting \"\(lines.first { !$0.isEmpty } ?? "")\")" }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// README.md and every Markdown file of every DocC catalog, relative to the root.
    static func documents() throws -> [String] {
        var documents = ["README.md"]
        let sources = root.appendingPathComponent("Sources")
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted() {
            let moduleFolder = sources.appendingPathComponent(module)
            for entry in try FileManager.default.contentsOfDirectory(atPath: moduleFolder.path).sorted() where entry.hasSuffix(".docc") {
                let catalog = "Sources/\(module)/\(entry)"
                let files = FileManager.default.enumerator(atPath: root.appendingPathComponent(catalog).path)?.allObjects as? [String] ?? []
                documents += files.filter { $0.hasSuffix(".md") }.sorted().map { "\(catalog)/\($0)" }
            }
        }
        return documents
    }

    /// The fenced blocks of a Markdown file; lines are trimmed, trailing blank lines dropped.
    static func blocks(in file: String) throws -> [Block] {
        let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        var blocks: [Block] = []
        var open: (line: Int, language: String, lines: [String])?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if var current = open {
                if line == "```" {
                    while current.lines.last?.isEmpty == true { current.lines.removeLast() }
                    blocks.append(Block(file: file, line: current.line, language: current.language, lines: current.lines))
                    open = nil
                } else {
                    current.lines.append(line)
                    open = current
                }
            } else if line.hasPrefix("```") {
                open = (index + 1, String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), [])
            }
        }
        #expect(open == nil, "\(file): a code block opened on line \(open?.line ?? 0) is never closed")
        return blocks
    }

    /// The trimmed lines of every Swift file in a `Samples/` folder that Package.swift builds as a
    /// target (`path: "Samples/…"`), by path.
    static func compiledSamples() throws -> [String: [String]] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let targetPaths = manifest.matches(of: #/path: "(Samples/[^"]+)"/#).map { String($0.output.1) }
        var sources: [String: [String]] = [:]
        for folder in targetPaths {
            let files = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)?.allObjects as? [String] ?? []
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: root.appendingPathComponent("\(folder)/\(file)"), encoding: .utf8)
                sources["\(folder)/\(file)"] = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return sources
    }

    /// Whether `block` is a run of consecutive lines of `lines`.
    static func contains(_ lines: [String], _ block: [String]) -> Bool {
        guard !block.isEmpty, block.count <= lines.count else { return block.isEmpty }
        return (0...(lines.count - block.count)).contains { start in lines[start..<(start + block.count)].elementsEqual(block) }
    }

    @Test("every swift block in README.md and the DocC catalogs is in a file the build compiles")
    func swiftBlocksCompile() throws {
        let samples = try Self.compiledSamples()
        #expect(samples.keys.contains("Samples/OneFile/RideHailer.swift"), "Package.swift no longer builds Samples/OneFile")
        #expect(samples.keys.contains { $0.hasPrefix("Samples/DocSnippets/") }, "Package.swift no longer builds Samples/DocSnippets")
        var checked = 0
        for document in try Self.documents() {
            for block in try Self.blocks(in: document) where block.language == "swift" {
                checked += 1
                let found = samples.values.contains { Self.contains($0, block.lines) }
                #expect(
                    found,
                    """
                    \(block) appears in no compiled file: put the code in Samples/DocSnippets (or another \
                    Samples target) and copy it into the document exactly as the compiled file has it
                    """)
            }
        }
        #expect(checked > 10, "only \(checked) swift blocks found: is the scan still reading the documents?")
    }

    @Test("every json block in the DocC catalogs parses")
    func jsonBlocksParse() throws {
        var checked = 0
        for document in try Self.documents() where document.hasPrefix("Sources/") {
            for block in try Self.blocks(in: document) where block.language == "json" {
                checked += 1
                let data = Data(block.lines.joined(separator: "\n").utf8)
                #expect(throws: Never.self, "\(block) is not valid JSON") { try JSONSerialization.jsonObject(with: data) }
            }
        }
        #expect(checked > 0)
    }

    @Test("every catalog has a landing page named after its module")
    func landingPages() throws {
        let documents = try Self.documents()
        let catalogs = Set(documents.filter { $0.hasPrefix("Sources/") }.map { $0.split(separator: "/").prefix(3).joined(separator: "/") })
        #expect(catalogs.count >= 4)
        for catalog in catalogs {
            let module = catalog.split(separator: "/")[1]
            #expect(documents.contains("\(catalog)/\(module).md"), "\(catalog) has no \(module).md landing page")
        }
    }
}
