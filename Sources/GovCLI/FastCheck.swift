import GovReport

/// `gov check PATH…` — the invocation a batch or an editor runs thousands of times — read without
/// ArgumentParser. Building the parser's model of the commands (reflection over every option, and the
/// Swift runtime's protocol-conformance searches that it triggers) cost 13.8 million instructions a
/// process, a third of checking one report (callgrind: 37.6 M for `gov check dayin-2020.gov`).
///
/// Only the plainest shape is taken: `check`, then paths, with `--format json|text` and `--jobs N` (N ≥ 1)
/// in their two-word form, each at most once. Anything else — a path that starts with `-`, `--help`, `--jobs=2`, a missing
/// value, no path at all — goes to ArgumentParser, which gives its usual help and errors.
struct FastCheck {
    let paths: [String]
    let format: CheckCommand.Format
    let jobs: Int

    init?(arguments: [String]) {
        guard arguments.count >= 3, arguments[1] == "check" else { return nil }
        var paths: [String] = []
        var format = CheckCommand.Format.text
        var jobs = StreamingCheck.defaultJobs
        var seen: Set<String> = []
        var index = 2
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("-") {
                // An option given twice is ArgumentParser's to judge.
                guard seen.insert(argument).inserted else { return nil }
            }
            switch argument {
            case "--format":
                guard index + 1 < arguments.count, let value = CheckCommand.Format(rawValue: arguments[index + 1]) else { return nil }
                format = value
                index += 2
            case "--jobs":
                guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value >= 1 else { return nil }
                jobs = value
                index += 2
            default:
                guard !argument.isEmpty, !argument.hasPrefix("-") else { return nil }
                paths.append(argument)
                index += 1
            }
        }
        guard !paths.isEmpty else { return nil }
        self.paths = paths
        self.format = format
        self.jobs = jobs
    }

    func run() throws {
        try CheckCommand.run(paths: paths, format: format, explainText: false, jobs: jobs)
    }
}
