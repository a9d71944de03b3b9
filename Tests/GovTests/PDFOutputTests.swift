import Foundation
import Testing

@testable import Gov

/// `gov render --format pdf`: the converter is found or its absence explained, and the output is a PDF
/// written only when the conversion succeeded.
struct PDFOutputTests {
    @Test func withoutLibreOfficeTheErrorNamesThePackage() throws {
        let converter = PDFConverter(environment: ["PATH": "/nonexistent"])
        #expect(converter.converterPath() == nil)
        #expect(throws: PDFConverter.Failure.self) { try converter.convert(docx: Data("not used".utf8)) }
        #expect(PDFConverter.Failure.converterMissing.description.contains("libreoffice-writer-nogui"))

        let directory = try makeTemporaryDirectory("gov-pdf")
        let output = directory.appendingPathComponent("report.pdf")
        let run = try runGov(["render", "examples/fictional-2021.gov", "-o", output.path], environment: ["PATH": "/nonexistent", "GOV_SOFFICE": ""],
                             currentDirectory: Paths.packageRoot)
        #expect(run.status == 2)
        #expect(run.stderr.contains("libreoffice-writer-nogui"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path), "no file is written when there is no PDF")
    }

    @Test func aPDFIsNeverWrittenToATerminalAndTheFormatFollowsTheExtension() throws {
        #expect(Gov.OutputFormat(fileExtension: "pdf") == .pdf)
        #expect(Gov.OutputFormat.pdf.isBinary)
    }

    @Test(.enabled(if: PDFConverter().converterPath() != nil && DocumentToolTests.which("pdfinfo") != nil, "LibreOffice and poppler-utils are not installed; .ci/run installs them"))
    func theCommandWritesAPDF() throws {
        let directory = try makeTemporaryDirectory("gov-pdf")
        let output = directory.appendingPathComponent("报告.pdf")
        let run = try runGov(["render", "examples/fictional-2021.gov", "-o", output.path], currentDirectory: Paths.packageRoot)
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: output)
        #expect(data.starts(with: Array("%PDF-".utf8)))
        // Four pages, as the template sets this report (table 2 alone on page 3).
        let pages = try DocumentToolTests.run(DocumentToolTests.which("pdfinfo") ?? "", [output.path]).output
        #expect(pages.contains("Pages:           4"), "\(pages)")
    }
}

/// A signal that interrupts the conversion (the REPL's window-resize and Ctrl-C handlers, libFuzzer's
/// timer) must not trap: the fuzzer once saw a trap in Foundation's read of LibreOffice's messages through
/// a pipe, which is why they now go to a file. The stand-in converter prints for about half a second while
/// the converting thread is sent a signal every few milliseconds, its handler installed without SA_RESTART.
/// (On this toolchain the old pipe version passes this test too: the original trap was not reproduced.)
struct PDFConversionSignalTests {
    static let converter = """
        #!/bin/sh
        out=""; previous=""
        for argument in "$@"; do [ "$previous" = "--outdir" ] && out="$argument"; previous="$argument"; done
        i=0
        while [ $i -lt 150 ]; do
            echo "convert: a message LibreOffice might print, line $i" >&2
            i=$((i + 1)); sleep 0.003
        done
        printf '%%PDF-1.4 stand-in\\n' > "$out/report.pdf"

        """

    @Test func aSignalDuringTheConversionIsNoTrap() throws {
        let directory = try makeTemporaryDirectory("gov-pdf-signal")
        defer { try? FileManager.default.removeItem(at: directory) }
        let soffice = directory.appendingPathComponent("soffice")
        try PDFConversionSignalTests.converter.write(to: soffice, atomically: true, encoding: .utf8)
        #expect(chmod(soffice.path, 0o755) == 0)

        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var previous = sigaction()
        #expect(sigaction(SIGUSR2, &action, &previous) == 0)
        defer { sigaction(SIGUSR2, &previous, nil) }

        final class Outcome: @unchecked Sendable {
            var pdf: Data?
            var failure: String?
            var thread: pthread_t?
            let started = DispatchSemaphore(value: 0)
            let done = DispatchSemaphore(value: 0)
        }
        let outcome = Outcome()
        let environment = ["GOV_SOFFICE": soffice.path, "PATH": "/usr/bin:/bin"]
        let converting = Thread {
            outcome.thread = pthread_self()
            outcome.started.signal()
            do {
                outcome.pdf = try PDFConverter(environment: environment).convert(docx: Data("docx".utf8))
            } catch {
                outcome.failure = "\(error)"
            }
            outcome.done.signal()
        }
        converting.start()
        outcome.started.wait()
        guard let target = outcome.thread else { return }
        var sent = 0
        while outcome.done.wait(timeout: .now() + .milliseconds(3)) == .timedOut {
            pthread_kill(target, SIGUSR2)
            sent += 1
        }
        #expect(sent > 20, "the conversion was interrupted \(sent) times")
        #expect(outcome.failure == nil, "\(outcome.failure ?? "")")
        #expect(outcome.pdf?.starts(with: Array("%PDF".utf8)) == true)
    }
}
