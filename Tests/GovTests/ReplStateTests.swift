import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport
import Testing

@testable import GovREPL

/// What outlives a session: history and recovery files in the XDG state directory.
struct ReplStateTests {
    @Test func theStateDirectoryFollowsXDG() {
        #expect(StateDirectory.resolve(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path == "/s/gov")
        #expect(StateDirectory.resolve(environment: ["HOME": "/h"])?.path == "/h/.local/state/gov")
        #expect(StateDirectory.resolve(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])?.path == "/h/.local/state/gov")
        #expect(StateDirectory.resolve(environment: ["XDG_STATE_HOME": ""]) == nil)
    }

    @Test func historyKeepsMultiLineChineseEntriesIntact() throws {
        let directory = try makeTemporaryDirectory()
        let store = HistoryStore(path: directory.appendingPathComponent("history").path)
        let entries = ["body 微博局", "text \"\"\"\n第一段\\n不是换行\n\"\"\"", "row \"a\\\\b\" 1", ":save 报告.gov"]
        for entry in entries { try store.append(entry) }
        #expect(store.load() == entries)
        let file = try String(contentsOf: directory.appendingPathComponent("history"), encoding: .utf8)
        #expect(file.split(separator: "\n").count == entries.count)
    }

    @Test func historyIsBoundedAndSkipsARepeat() throws {
        let directory = try makeTemporaryDirectory()
        let store = HistoryStore(path: directory.appendingPathComponent("history").path, limit: 5)
        for n in 1...8 { try store.append("parts \(n)") }
        try store.append("parts 8")
        #expect(store.load() == (4...8).map { "parts \($0)" })
    }

    @Test func twoWritersAtOnceLoseNoEntryAndNeverCorruptTheFile() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory.appendingPathComponent("history").path
        DispatchQueue.concurrentPerform(iterations: 4) { writer in
            let store = HistoryStore(path: path, limit: 1000)
            for n in 0..<40 { try? store.append("channel 渠道\(writer) \(n)") }
        }
        let loaded = HistoryStore(path: path).load()
        #expect(loaded.count == 160)
        #expect(Set(loaded).count == 160)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func aLiveSessionsRecoveryFileIsNotAnOrphan() throws {
        let directory = try makeTemporaryDirectory().appendingPathComponent("recovery").path
        let live = RecoveryStore(directory: directory)
        try live.begin()
        var session = Session()
        session.append("body 甲")
        try live.save(session)
        #expect(RecoveryStore(directory: directory).orphans().isEmpty)
        live.end()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func aSessionThatEndedWithoutSavingIsOfferedOnceAndKeepsItsFileName() throws {
        let directory = try makeTemporaryDirectory().appendingPathComponent("recovery").path
        do {
            // A session that "dies": its lock goes with it, its recovery file stays.
            let dying = RecoveryStore(directory: directory)
            try dying.begin()
            var session = Session()
            session.markSaved(as: "报告.gov")
            session.append("body 甲")
            session.append("text \"\"\"\n段落\n\"\"\"")
            try dying.save(session)
        }
        let next = RecoveryStore(directory: directory)
        let orphans = next.orphans()
        #expect(orphans.count == 1)
        #expect(orphans.first?.text == "body 甲\ntext \"\"\"\n段落\n\"\"\"\n")
        #expect(orphans.first?.fileName == "报告.gov")
        // While one REPL is asking about it, another does not offer it too.
        #expect(RecoveryStore(directory: directory).orphans().isEmpty)
        if let orphan = orphans.first { next.adopt(orphan) }
        #expect(RecoveryStore(directory: directory).orphans().isEmpty)
    }

    @Test func aDeclinedRecoveryIsKeptAsDiscardedNotDeleted() throws {
        let directory = try makeTemporaryDirectory().appendingPathComponent("recovery").path
        do {
            let dying = RecoveryStore(directory: directory)
            try dying.begin()
            var session = Session()
            session.append("body 乙")
            try dying.save(session)
        }
        let next = RecoveryStore(directory: directory)
        guard let orphan = next.orphans().first else {
            Issue.record("expected an orphan")
            return
        }
        let kept = next.discard(orphan)
        #expect(try String(contentsOfFile: kept, encoding: .utf8).contains("body 乙"))
        #expect(next.orphans().isEmpty)
    }

    @Test func theSessionKnowsWhatIsUnsaved() {
        var session = Session()
        #expect(!session.hasUnsavedChanges && !session.canUndo)
        session.append("body 甲")
        #expect(session.hasUnsavedChanges)
        session.markSaved(as: "a.gov")
        #expect(!session.hasUnsavedChanges && session.fileName == "a.gov")
        session.append("year 2021")
        session.undo()
        #expect(!session.hasUnsavedChanges)
        session.replace(withFile: "body 乙\r\n", named: "b.gov")
        #expect(session.entries == ["body 乙"] && !session.hasUnsavedChanges)
        session.undo()
        #expect(session.entries == ["body 甲"] && session.fileName == "a.gov")
    }
}
