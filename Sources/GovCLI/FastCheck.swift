import GovReport

/// `gov check PATH…` — the invocation a batch or an editor runs thousands of times — read without
/// ArgumentParser. Building the parser's model of the commands (reflection over every option, and the
/// Swift runtime's protocol-conformance searches that it triggers) cost 13.8 million instructions a
/// process, a third of checking one report (callgrind: 37.6 M for `gov check dayin-2020.gov`).
///
/// Only the plainest shape is taken (`PlainArguments`): `check`, then paths, with `--format json|text` and
/// `--jobs N` (N ≥ 1). Anything else — a path that starts with `-`, `--help`, `--jobs=2`, a missing value, no
/// path at all — goes to ArgumentParser, which gives its usual help and errors.
struct FastCheck {
    let paths: [String]
    let format: CheckCommand.Format
    let jobs: Int

    init?(arguments: [String]) {
        guard arguments.count >= 3, arguments[1] == "check",
              let plain = PlainArguments(arguments.dropFirst(2), options: ["--format": "format", "--jobs": "jobs"]),
              !plain.operands.isEmpty else { return nil }
        var format = CheckCommand.Format.text
        if let written = plain.values["format"] {
            guard let value = CheckCommand.Format(rawValue: written) else { return nil }
            format = value
        }
        var jobs = StreamingCheck.defaultJobs
        if let written = plain.values["jobs"] {
            guard let value = Int(written), OrderedWorkers.allowedJobs.contains(value) else { return nil }
            jobs = value
        }
        self.paths = plain.operands
        self.format = format
        self.jobs = jobs
    }

    func run() throws {
        try CheckCommand.run(paths: paths, format: format, explainText: false, jobs: jobs)
    }
}
