import Foundation
import Testing

@testable import GovLanguage

/// The TextMate grammar in editors/vscode is hand-kept data: it must name every statement keyword in both
/// spellings, and its patterns must compile (ICU and Oniguruma agree on the constructs it uses).
@Suite struct EditorGrammarTests {
    static let url = Paths.packageRoot.appendingPathComponent("editors/vscode/syntaxes/gov.tmLanguage.json")

    private func grammar() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: Self.url))
        return try #require(object as? [String: Any])
    }

    private func pattern(_ name: String, _ grammar: [String: Any]) throws -> NSRegularExpression {
        let repository = try #require(grammar["repository"] as? [String: Any])
        let rule = try #require(repository[name] as? [String: Any])
        return try NSRegularExpression(pattern: try #require(rule["match"] as? String), options: [.anchorsMatchLines])
    }

    @Test func everyKeywordInBothLanguagesIsHighlighted() throws {
        let keywords = try pattern("statement-keyword", try grammar())
        for spelling in Keyword.allSpellings {
            let line = "  \(spelling) 某"
            let match = keywords.firstMatch(in: line, range: NSRange(line.startIndex..., in: line))
            #expect(match.map { (line as NSString).substring(with: $0.range(at: 1)) } == spelling, "\(spelling)")
        }
        // A word that merely starts like a keyword is not one.
        let line = "yearly 3"
        #expect(keywords.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) == nil)
    }

    @Test func everyPatternCompiles() throws {
        let grammar = try grammar()
        var found = 0
        func walk(_ value: Any) throws {
            if let object = value as? [String: Any] {
                for key in ["match", "begin", "end"] {
                    if let regex = object[key] as? String {
                        _ = try NSRegularExpression(pattern: regex)
                        found += 1
                    }
                }
                for child in object.values { try walk(child) }
            } else if let array = value as? [Any] {
                for child in array { try walk(child) }
            }
        }
        try walk(grammar)
        #expect(found > 10)
        let paths = try pattern("path", grammar)
        let text = "{application.new} 申请.本年新收 x.application"
        let heads = paths.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { (text as NSString).substring(with: $0.range(at: 1)) }
        #expect(heads == ["application", "申请"])
    }

    @Test func theExtensionStartsGovLsp() throws {
        let root = Paths.packageRoot.appendingPathComponent("editors/vscode")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("package.json"))) as? [String: Any])
        #expect(manifest["main"] as? String == "./extension.js")
        let script = try String(contentsOf: root.appendingPathComponent("extension.js"), encoding: .utf8)
        #expect(script.contains("'lsp'"))
        _ = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("language-configuration.json")))
    }
}
