import GovLanguage
import GovReport

/// A finding as data, for JSON output (`gov check --format json`, the report JSON): every field of the
/// diagnostic, with its locations resolved to path, line and column.
public struct FindingRecord: Encodable, Sendable, Equatable {
    public struct Place: Encodable, Sendable, Equatable {
        public let path: String
        public let line: Int
        public let column: Int
        public let endLine: Int
        public let endColumn: Int

        public init(_ range: SourceRange, sources: SourceManager) {
            let start = sources.location(range)
            let file = sources.file(range.file)
            path = start.path
            line = start.line
            column = start.column
            endLine = file.line(of: range.end)
            endColumn = file.column(of: range.end)
        }
    }

    public struct Note: Encodable, Sendable, Equatable {
        public let message: String
        public let place: Place?
    }

    public struct Cell: Encodable, Sendable, Equatable {
        public let label: String
        public let value: String
        public let place: Place?
        public let path: String?
        /// The cell, typed (not part of the JSON, which names it by `path`).
        public let id: CellID?

        enum CodingKeys: String, CodingKey { case label, value, place, path }
    }

    public struct Arithmetic: Encodable, Sendable, Equatable {
        public let stated: String
        public let computed: String
        public let difference: String
        public let subject: String?
        public let cells: [Cell]
        /// The checked cell, typed (not part of the JSON, which names it by `subject`).
        public let subjectCell: CellID?

        enum CodingKeys: String, CodingKey { case stated, computed, difference, subject, cells }
    }

    /// The script being checked when the finding was made (the place may be in a file it includes, or in
    /// last year's script); nil when the finding stands alone.
    public let file: String?
    public let code: String
    public let severity: String
    public let message: String
    public let place: Place?
    public let notes: [Note]
    public let arithmetic: Arithmetic?

    public init(_ diagnostic: Diagnostic, sources: SourceManager, file: String? = nil) {
        func place(_ range: SourceRange?) -> Place? { range.map { Place($0, sources: sources) } }
        self.file = file
        code = diagnostic.code.rawValue
        severity = diagnostic.severity.rawValue
        message = diagnostic.message
        self.place = place(diagnostic.range)
        notes = diagnostic.notes.map { Note(message: $0.message, place: place($0.range)) }
        arithmetic = diagnostic.arithmetic.map { arithmetic in
            Arithmetic(
                stated: arithmetic.stated, computed: arithmetic.computed, difference: arithmetic.difference, subject: arithmetic.subject,
                cells: arithmetic.cells.map {
                    Cell(label: $0.label, value: $0.value, place: place($0.range), path: $0.path, id: $0.cell.flatMap(CellID.init(key:)))
                },
                subjectCell: arithmetic.subjectCell.flatMap(CellID.init(key:)))
        }
    }

    public static func records(_ findings: [Diagnostic], sources: SourceManager) -> [FindingRecord] {
        findings.map { FindingRecord($0, sources: sources) }
    }
}

extension FindingRecord: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("arithmetic", arithmetic)
        writer.field("code", code)
        writer.field("file", file)
        writer.field("message", message)
        writer.field("notes", notes)
        writer.field("place", place)
        writer.field("severity", severity)
        writer.endObject()
    }
}

extension FindingRecord.Place: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("column", column)
        writer.field("endColumn", endColumn)
        writer.field("endLine", endLine)
        writer.field("line", line)
        writer.field("path", path)
        writer.endObject()
    }
}

extension FindingRecord.Note: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("message", message)
        writer.field("place", place)
        writer.endObject()
    }
}

extension FindingRecord.Cell: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("label", label)
        writer.field("path", path)
        writer.field("place", place)
        writer.field("value", value)
        writer.endObject()
    }
}

extension FindingRecord.Arithmetic: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("cells", cells)
        writer.field("computed", computed)
        writer.field("difference", difference)
        writer.field("stated", stated)
        writer.field("subject", subject)
        writer.endObject()
    }
}
