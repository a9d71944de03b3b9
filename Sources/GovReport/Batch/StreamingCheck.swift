import Foundation
import GovLanguage

/// `gov check` of a whole directory tree in flat memory: scripts are found one directory at a time,
/// checked by `jobs` processes (`ProcessWorkers`; threads for a caller with threads of its own), and each
/// one's own findings are handed over (in the order `ScriptFinder` gives, whichever worker finished first)
/// as soon as it is checked; then its text, syntax and report are
/// dropped and only its `SeriesFacts` are kept. When every file has been read (only then can a body's
/// series be known to be complete: any file may be any body's), each body's series is screened from its
/// facts, and the few series that can have a cross-year finding are read again and checked by
/// `ReportSeries`, with every line.
///
/// The findings are those of `BatchCheck.run` over the same scripts; only their order differs: a script's
/// own findings come as it is checked, its cross-year findings after all scripts, body by body.
package enum StreamingCheck {
    package struct Options: Sendable {
        /// Processes or threads that check scripts (1: the calling thread alone).
        package var jobs: Int
        package var loader: ScriptLoader
        /// Check in worker processes (`ProcessWorkers`) rather than threads where the rendering can be sent
        /// between processes and this process has no other thread: what the command line asks for. (A
        /// library caller, a test runner for one, has threads of its own: it always gets threads.)
        package var processes: Bool
        /// Whether each script's paragraphs are built (`render` needs them) or only checked (its findings).
        package var prose: Evaluator.Prose

        package init(
            jobs: Int = StreamingCheck.defaultJobs, loader: ScriptLoader = ScriptLoader(), processes: Bool = false,
            prose: Evaluator.Prose = .built
        ) {
            self.jobs = jobs
            self.loader = loader
            self.processes = processes
            self.prose = prose
        }
    }

    package static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// How many findings of each severity, and whether a file could not be read (exit status 2).
    package struct Counts: Sendable {
        package var errors = 0
        package var warnings = 0
        package var notes = 0
        package var unreadable = false

        package init() {}

        package init(_ findings: [Diagnostic]) {
            for finding in findings {
                switch finding.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .note: notes += 1
                }
                if finding.code == .unreadableFile { unreadable = true }
            }
        }

        mutating func add(_ other: Counts) {
            errors += other.errors
            warnings += other.warnings
            notes += other.notes
            unreadable = unreadable || other.unreadable
        }
    }

    /// The cross-year findings about one script, with the files they point into.
    package struct SeriesFindings {
        /// The script's position among the delivered scripts.
        package let index: Int
        package let path: String
        /// In source order.
        package let findings: [Diagnostic]
        package let sources: SourceManager
        /// The script's own first file in `sources` (its includes follow), to merge with its own findings.
        package let firstFile: Int
    }

    package struct Summary: Sendable {
        package var files = 0
        package var counts = Counts()
        /// The first few scripts with errors, in order, and how many there are.
        package var failing: [String] = []
        package var failingCount = 0
        static let failingShown = 5
    }

    /// Checks every script under `paths`. `render` runs on a worker with the script's evaluation
    /// (its own findings are `evaluation.findings`) and turns it into what `script` needs; `script` and
    /// `series` are called on the calling thread, in a deterministic order.
    package static func run<Rendered: Sendable>(
        paths: [String], options: Options = Options(),
        render: @escaping @Sendable (_ path: String, _ evaluation: Evaluation) -> Rendered,
        script: (_ index: Int, _ path: String, _ rendered: Rendered) -> Void,
        series: (SeriesFindings) -> Void
    ) -> Summary {
        var walk = ScriptWalk(paths: paths)
        let loader = options.loader
        var batch = Batch<Rendered>()
        // One file is checked here: starting a worker would cost more than it saves.
        let jobs = paths.count == 1 && !ScriptWalk.isDirectory(paths[0]) ? 1 : options.jobs
        let prose = options.prose
        let work: @Sendable (ScriptWalk.Next) -> Checked<Rendered> = { Checked($0, loader: loader, prose: prose, render: render) }
        func deliver(_ checked: Checked<Rendered>) {
            batch.included.formUnion(checked.includes)
            // A file found in a directory that lacks `year` or `body` may be a fragment another script
            // includes: that is known only when every script has been read.
            if checked.found.fromDirectory && !checked.facts.isUsable {
                batch.held.append(checked)
            } else {
                batch.deliver(checked, to: script)
            }
        }
        // (The cast looks through every conformance of the program once: only when there are workers to ask.)
        ProcessWorkers.runOrThreads(
            jobs: jobs, processes: jobs > 1 && options.processes && Rendered.self is WorkerPayload.Type,
            next: { walk.nextScript() }, work: work,
            encode: { checked, bytes in checked.encode(into: &bytes) }, decode: { Checked<Rendered>.decode($0) },
            same: { next, checked in next.found == checked.found }, deliver: deliver)
        for checked in batch.held where !batch.included.contains(checked.facts.key) {
            batch.deliver(checked, to: script)
        }
        batch.held = []
        SeriesPhase(index: batch.series, loader: loader).run { found in
            batch.record(found.index, path: found.path, Counts(found.findings))
            series(found)
        }
        return batch.summary
    }

    /// One script checked by a worker: what is kept of it (and, from a worker process, what it sends back).
    struct Checked<Rendered: Sendable>: Sendable {
        let found: ScriptFinder.Found
        let rendered: Rendered
        let counts: Counts
        let facts: SeriesFacts
        let includes: [PathKey]

        init(found: ScriptFinder.Found, rendered: Rendered, counts: Counts, facts: SeriesFacts, includes: [PathKey]) {
            self.found = found
            self.rendered = rendered
            self.counts = counts
            self.facts = facts
            self.includes = includes
        }

        init(
            _ next: ScriptWalk.Next, loader: ScriptLoader, prose: Evaluator.Prose = .built,
            render: (String, Evaluation) -> Rendered
        ) {
            let found = next.found
            // `inPlace`: found in a directory as a regular file (not through a link).
            let evaluation = Evaluator.evaluate(path: found.path, loader: loader, prose: prose, listedAsRegular: next.inPlace)
            self.found = found
            counts = Counts(evaluation.findings)
            facts = SeriesFacts(evaluation: evaluation, path: found.path, standardized: next.standardized, inPlace: next.inPlace, listed: next.listed)
            includes = evaluation.sources.files.dropFirst().map { PathKey(ScriptFinder.standardized($0.path)) }
            // The evaluation's last use: handed over, not copied for the call and freed after it (callgrind).
            rendered = render(found.path, evaluation)
        }
    }

    /// The calling thread's state: counts, where each delivered script's facts are, held fragments.
    struct Batch<Rendered: Sendable> {
        var summary = Summary()
        var held: [Checked<Rendered>] = []
        var included = Set<PathKey>()
        var series = SeriesPhase.Index()
        /// Scripts already counted as failing, by index (a script may fail alone and across years).
        private var failingIndexes = Set<Int>()
        private var firstFailing: [(index: Int, path: String)] = []

        mutating func deliver(_ checked: Checked<Rendered>, to script: (Int, String, Rendered) -> Void) {
            let index = series.add(checked.facts)
            summary.files += 1
            script(index, checked.found.path, checked.rendered)
            record(index, path: checked.found.path, checked.counts)
        }

        mutating func record(_ index: Int, path: String, _ counts: Counts) {
            summary.counts.add(counts)
            guard counts.errors > 0, failingIndexes.insert(index).inserted else { return }
            summary.failingCount += 1
            // Cross-year errors arrive after every script: keep the first few by position, not by arrival.
            let slot = firstFailing.firstIndex { $0.index > index } ?? firstFailing.endIndex
            guard slot < Summary.failingShown else { return }
            firstFailing.insert((index, path), at: slot)
            if firstFailing.count > Summary.failingShown { firstFailing.removeLast() }
            summary.failing = firstFailing.map(\.path)
        }
    }
}
